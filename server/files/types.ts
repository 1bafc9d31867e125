import type { Readable } from 'node:stream';

/** A file being received: written somewhere temporary until it is committed under its hash. */
export interface StagedFile {
  /** Appends bytes (the caller awaits each write: that is the upload's backpressure). */
  write(chunk: Uint8Array): Promise<void>;
  /** Drops what was written. Never throws. */
  abort(): Promise<void>;
}

/** How much of its quota a board uses. */
export interface BoardFileUsage {
  bytes: number;
  files: number;
}

export interface FileEntry {
  sha256: string;
  bytes: number;
  /** When the file was stored (ms since the epoch). */
  storedAt: number;
}

/** What a file read answers: the bytes as a stream, and their length. */
export interface FileReading {
  bytes: number;
  /** Its first bytes (at least SIGNATURE_BYTES, unless the file is shorter), for its type. */
  head: Buffer;
  /** Opens the bytes; the caller must consume or destroy it. */
  open(): Readable;
  /** Lets go of the file without reading it (a HEAD, a 304). */
  release(): Promise<void>;
}

/** The outcome of a commit: stored now, or the board had it already (nothing written). */
export type CommitResult = 'created' | 'existing';

/**
 * Where a relay keeps boards' files (docs/ARCHITECTURE.md#board-files): a
 * folder beside each board's own files, or a PostgreSQL table. Every file
 * belongs to one board; the same bytes on two boards are two files.
 */
export interface BoardFileStore {
  /** Opens a temporary place for an upload to `boardId`; throws FileRequestError NOT_FOUND when the board is gone. */
  stage(boardId: string): Promise<StagedFile>;
  /**
   * Makes a staged file durable under `sha256` (the caller checked the bytes
   * hash to it): fsynced, then renamed into place, then the folder fsynced.
   * Refuses (FileRequestError QUOTA_EXCEEDED) when the board's files would
   * pass `quota`, and then nothing is kept. Commits of one board run one at a time.
   */
  commit(
    boardId: string,
    sha256: string,
    staged: StagedFile,
    quota: { maxBytes: number; maxFiles: number },
  ): Promise<CommitResult>;
  /** The file, or undefined when the board has none by that hash. */
  read(boardId: string, sha256: string): Promise<FileReading | undefined>;
  /** Bytes and files the board's files take now. */
  usage(boardId: string): Promise<BoardFileUsage>;
  /** Every file of a board. */
  list(boardId: string): Promise<FileEntry[]>;
  /**
   * Deletes a board's file, unless `stillWanted` (asked under the board's
   * commit lock, with when the file was last stored or PUT again) says to keep it.
   */
  remove(boardId: string, sha256: string, stillWanted: (storedAt: number) => boolean): Promise<boolean>;
  /** The live boards (not the trash) that hold files, for the collector. */
  boardsWithFiles(): Promise<string[]>;
  /** Since when (ms) each of a board's files has been seen unnamed by its doc, as the collector recorded it. */
  readUnreferenced(boardId: string): Promise<Map<string, number>>;
  /** Records that, durably (a restart must not restart the grace period). */
  writeUnreferenced(boardId: string, since: ReadonlyMap<string, number>): Promise<void>;
  /** Removes uploads a crash cut off: temp files last written before `before` (ms since the epoch). */
  removeLeftovers(boardId: string, before: number): Promise<number>;
  close(): Promise<void>;
}
