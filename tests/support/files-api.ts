import { request as httpRequest } from 'node:http';
import {
  fileErrorBodySchema,
  filePath,
  type FileErrorBody,
  type StoredFile,
  storedFileSchema,
} from '../../shared/files';
import { connectWith, joinBoard } from './access-api';

/** The relay's file API as the images client calls it: fetch, a bearer token, the file as the body. */
export class FilesApi {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  call(boardId: string, sha256: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
    const { token = this.token, headers, ...rest } = init;
    return fetch(`${this.url}${filePath(boardId, sha256)}`, {
      ...rest,
      headers: {
        ...(token === null || token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(headers as object),
      },
    });
  }

  put(boardId: string, sha256: string, body: Uint8Array, token?: string | null): Promise<Response> {
    return this.call(boardId, sha256, { method: 'PUT', body: new Uint8Array(body), token });
  }

  get(boardId: string, sha256: string, token?: string | null): Promise<Response> {
    return this.call(boardId, sha256, { token });
  }

  /** A PUT that must succeed: its StoredFile answer. */
  async stored(boardId: string, sha256: string, body: Uint8Array): Promise<{ status: number; file: StoredFile }> {
    const response = await this.put(boardId, sha256, body);
    const text = await response.text();
    if (response.status !== 201 && response.status !== 200) throw new Error(`PUT: ${response.status} ${text}`);
    return { status: response.status, file: storedFileSchema.parse(JSON.parse(text)) };
  }
}

/** An error answer, checked against the contract. */
export async function fileError(response: Response): Promise<FileErrorBody['error']> {
  return fileErrorBodySchema.parse(await response.json()).error;
}

/** Makes the board exist on the relay (a join creates it), as a client opening it would. */
export async function createBoard(url: string, token: string | undefined, boardId: string): Promise<void> {
  const socket = await connectWith(url, token);
  try {
    const ack = await joinBoard(socket, boardId);
    if (!ack.ok) throw new Error(`join ${boardId}: ${JSON.stringify(ack)}`);
  } finally {
    socket.close();
  }
}

/**
 * A PUT that declares `declaredBytes` but sends only `sent` of them, then
 * waits for the answer: the relay must refuse without the rest of the body.
 */
export function putPartially(
  url: string,
  path: string,
  headers: Record<string, string>,
  sent: Uint8Array,
  declaredBytes?: number,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'PUT',
        agent: false,
        timeout: 10_000,
        headers: declaredBytes === undefined ? headers : { ...headers, 'content-length': String(declaredBytes) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', reject);
    req.write(sent);
  });
}
