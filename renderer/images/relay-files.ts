/**
 * The relay's file store seen from the board (docs/ARCHITECTURE.md#images):
 * `PUT /api/boards/:boardId/files/:sha256` uploads an image's bytes (authorised like a board
 * update; 201 once checked and on disk, 200 when the board had it), `GET` fetches them
 * (authorised like a join); the contract is shared/files. Both carry
 * the token the board's socket uses, as `Authorization: Bearer`. Answers are sorted into what
 * the caller acts on: stored, refused for good (a notice, nothing written) or the relay out of
 * reach (try again when it is back).
 */
import { fileErrorBodySchema, filePath } from '../../shared/files';
import { sha256Hex } from './image-bytes';

export type UploadResult =
  { kind: 'stored' } | { kind: 'refused'; status: number; message: string } | { kind: 'unreachable' };

export interface RelayFiles {
  upload(boardId: string, sha256: string, mime: string, bytes: Uint8Array): Promise<UploadResult>;
  /** The file's bytes, checked against its SHA-256; null when the relay cannot give them now. */
  download(boardId: string, sha256: string): Promise<Uint8Array | null>;
}

/** Words for a refusal the relay gave without a message of its own. */
const REFUSALS: Readonly<Record<number, string>> = {
  401: 'the relay did not accept this page’s access',
  403: 'you may only view this board',
  404: 'this relay does not keep images',
  413: 'the image is too large for the relay',
  415: 'the relay does not take this type of file',
  422: 'the relay found the file damaged or too large',
};

/** Longest relay message shown in a notice. */
const MAX_MESSAGE_LENGTH = 300;

export function fileUrl(relayUrl: string, boardId: string, sha256: string): string {
  return `${relayUrl.replace(/\/+$/, '')}${filePath(encodeURIComponent(boardId), sha256)}`;
}

export function createRelayFiles(
  relayUrl: () => string,
  token: string | undefined,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): RelayFiles {
  const headers = (extra: Record<string, string> = {}) => ({
    ...extra,
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  });
  return {
    async upload(boardId, sha256, mime, bytes) {
      let response: Response;
      try {
        response = await fetchImpl(fileUrl(relayUrl(), boardId, sha256), {
          method: 'PUT',
          headers: headers({ 'content-type': mime }),
          body: bytes as Uint8Array<ArrayBuffer>,
        });
      } catch {
        return { kind: 'unreachable' };
      }
      if (response.ok) return { kind: 'stored' };
      // A relay restarting, overloaded or behind a proxy that lost it: not the file's fault, try again later.
      if (response.status >= 500) return { kind: 'unreachable' };
      if (response.status === 429 || response.status === 408) return { kind: 'unreachable' };
      return { kind: 'refused', status: response.status, message: await refusalMessage(response) };
    },
    async download(boardId, sha256) {
      try {
        const response = await fetchImpl(fileUrl(relayUrl(), boardId, sha256), { headers: headers() });
        if (!response.ok) return null;
        const bytes = new Uint8Array(await response.arrayBuffer());
        return (await sha256Hex(bytes)) === sha256 ? bytes : null;
      } catch {
        return null;
      }
    },
  };
}

async function refusalMessage(response: Response): Promise<string> {
  const body = fileErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (body.success) return body.data.error.message.slice(0, MAX_MESSAGE_LENGTH);
  return REFUSALS[response.status] ?? `the relay refused it (HTTP ${response.status})`;
}
