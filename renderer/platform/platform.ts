/**
 * The renderer's door to the host (docs/ARCHITECTURE.md#platform): saving and opening files
 * on the user's machine. Everything outside the page goes through a Platform,
 * so the rest of the renderer never asks whether it runs in a browser tab or
 * in the desktop shell. The web implementation is web.ts, the desktop one
 * (over the preload API, `window.easel`) desktop.ts; index.ts picks one.
 */

export type FileData = Blob | Uint8Array | string;

export interface SaveFileRequest {
  /** A file name to offer, e.g. `team-retro.png`; the user may change it where the host asks. */
  suggestedName: string;
  /** e.g. `image/png`; a string is written as UTF-8 text. */
  mimeType: string;
  data: FileData;
  /**
   * Set when this is a document being saved (a board), not an export. A host
   * with real files (the desktop app) writes a later save under the same key
   * to the file chosen the last time, without asking again; a browser
   * download has no such place and ignores it.
   */
  documentKey?: string;
  /** Ask where to save even if a place is remembered for `documentKey` (Save As). */
  askWhere?: boolean;
}

/**
 * 'cancelled' when the user dismissed the host's save dialog. A browser
 * download has no dialog the page can see, so on the web it is always 'saved'.
 */
export type SaveFileResult = 'saved' | 'cancelled';

export interface OpenFileRequest {
  /** Extensions (`.easel`) or MIME types the picker offers, as an `<input accept>` list. */
  accept: readonly string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** The file half of a Platform: what the file actions reach it through (ActionContext.files). */
export interface FilePort {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** The file the user picked, or null when they cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
}

export interface Platform extends FilePort {
  readonly kind: 'web' | 'desktop';
}
