import type * as Y from 'yjs';

/**
 * What one board may take on disk (snapshot plus log) unless the relay is told
 * otherwise (`--max-board-bytes`). A board's doc takes several times its
 * stored size in memory, so this is what bounds the relay's memory per board.
 */
export const DEFAULT_MAX_BOARD_BYTES = 64 * 1024 * 1024;

/**
 * Where the relay keeps boards. The relay core depends on this interface only;
 * `FileBoardStore` is the real one (docs/ARCHITECTURE.md#storage), `MemoryBoardStore` serves the
 * core's unit tests.
 */
export interface BoardStore {
  /**
   * Loads a board into a fresh Y.Doc, creating the board (with a new random
   * epoch) when it does not exist yet. Throws `RelayError('UNAVAILABLE')` when
   * the board's files exist but cannot be read, leaving them exactly as they were.
   */
  open(boardId: string): Promise<OpenedBoard>;
  /** Whether the board exists (open would load it rather than create it). */
  exists(boardId: string): Promise<boolean>;
  /** Releases the store (e.g. the data-dir lock). Boards must be closed first. */
  close(): Promise<void>;
  /** Whether a store behind a network answers now (for /healthz); stores on this machine have none. */
  ping?(): Promise<boolean>;
}

export interface OpenedBoard {
  /** Random id fixed when the board was first created; survives restarts. */
  readonly epoch: string;
  /** The board's state as loaded from storage. The caller owns it from now on. */
  readonly doc: Y.Doc;
  readonly storage: BoardStorage;
}

export interface BoardStorage {
  /**
   * Appends one validated update. Resolves only once it is durable (fsynced);
   * every append that arrived in the same tick shares one fsync. Rejects with
   * `RelayError('UNAVAILABLE')` when the write fails, and so does every append
   * after that (the board must be reloaded).
   */
  append(update: Uint8Array): Promise<void>;
  /** Bytes appended to the log since the last snapshot; the core compacts past a threshold. */
  readonly logBytes: number;
  /**
   * Bytes the board takes in storage: its snapshot, its log, and appends not
   * yet written. The core keeps it under the board's budget.
   */
  readonly storedBytes: number;
  /**
   * Writes `captureState()` as the new snapshot (temp file, fsync, rename) and
   * drops the log records it covers. Appends go on meanwhile; none is lost.
   */
  compact(captureState: () => Uint8Array): Promise<void>;
  /** Resolves when every append made so far is durable. */
  flush(): Promise<void>;
  /** Flushes, then releases file handles. Appends after this reject. */
  close(): Promise<void>;
  /**
   * The board as stored now, every relay's appends included (stores shared by
   * several relays): a relay that may have missed another's updates catches up from it.
   */
  readStored?(): Promise<Uint8Array>;
}
