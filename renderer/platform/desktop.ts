/**
 * The Platform of the desktop app: native dialogs and real files through the
 * preload API (`window.easel.files`, docs/ARCHITECTURE.md#files). Saving a document asks where
 * the first time, then writes to that file again on each save (the main
 * process allows exactly the paths its dialogs handed out); Save As asks
 * again and remembers the new place. Exports always ask.
 *
 * The main process answers a refused or failed call with `{ ok: false }`; that
 * becomes an Error with its message (written for people), which the file
 * actions turn into the board's notice.
 */
import type { EaselDesktopApi } from '../../shared/desktop/api';
import { type DesktopResult, OPEN_KINDS, type OpenKind, type SaveKind } from '../../shared/desktop/schemas';
import type { FileData, OpenedFile, OpenFileRequest, Platform, SaveFileRequest } from './platform';

const SAVE_KIND_BY_MIME: Readonly<Record<string, SaveKind>> = {
  'application/json': 'board',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** Which dialog kind a save of this MIME type is, or an Error naming what cannot be saved. */
export function saveKindFor(mimeType: string): SaveKind {
  const kind = SAVE_KIND_BY_MIME[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''];
  if (!kind) throw new Error(`the desktop app cannot save files of type ${mimeType}`);
  return kind;
}

/** Which open dialog an `<input accept>`-style list asks for: boards, or images. */
export function openKindFor(accept: readonly string[]): OpenKind {
  const wanted = accept.map((entry) => entry.trim().toLowerCase());
  const offers = (kind: OpenKind) =>
    OPEN_KINDS[kind].extensions.some((extension) => wanted.includes(`.${extension}`)) ||
    (kind === 'image' && wanted.some((entry) => entry.startsWith('image/')));
  if (offers('board')) return 'board';
  if (offers('image')) return 'image';
  throw new Error(`the desktop app has no open dialog for ${accept.join(', ') || 'these files'}`);
}

async function bytesOf(data: FileData): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  return new Uint8Array(await data.arrayBuffer());
}

function valueOf<T>(result: DesktopResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function desktopPlatform(api: Pick<EaselDesktopApi, 'files'>): Platform {
  /** documentKey → the file it was last saved to in this window. */
  const places = new Map<string, string>();

  return {
    kind: 'desktop',
    async saveFile(request: SaveFileRequest) {
      const kind = saveKindFor(request.mimeType);
      const bytes = await bytesOf(request.data);
      const key = request.documentKey;
      const known = key === undefined || request.askWhere ? undefined : places.get(key);
      if (key !== undefined && known !== undefined) {
        const written = await api.files.write({ path: known, bytes });
        // A file that cannot be written again (moved, now read-only) is asked for afresh next time.
        if (!written.ok) places.delete(key);
        valueOf(written);
        return 'saved';
      }
      const saved = valueOf(await api.files.save({ kind, suggestedName: request.suggestedName, bytes }));
      if (saved.canceled) return 'cancelled';
      if (key !== undefined) places.set(key, saved.path);
      return 'saved';
    },
    async openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
      const opened = valueOf(await api.files.open({ kind: openKindFor(request.accept) }));
      if (opened.canceled) return null;
      return { name: opened.file.name, bytes: opened.file.bytes };
    },
  };
}
