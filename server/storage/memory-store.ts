import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { assertBoardId } from './board-id';
import type { BoardStorage, BoardStore, OpenedBoard } from './types';

/** What a board's files would hold: it outlives closing and reopening the board. */
interface StoredBoard {
  epoch: string;
  /** The snapshot (if compacted) followed by every update appended since. */
  updates: Uint8Array[];
  logBytes: number;
}

/**
 * `BoardStore` in memory for the relay core's unit tests, with the file
 * store's semantics (appends resolve a tick later, one writer per board) and
 * switches to make storage fail on purpose.
 */
export class MemoryBoardStore implements BoardStore {
  private readonly boards = new Map<string, StoredBoard>();
  private readonly openBoards = new Set<string>();
  private readonly appendFailures = new Map<string, Error>();
  private readonly unreadableBoards = new Set<string>();

  async open(boardId: string): Promise<OpenedBoard> {
    assertBoardId(boardId);
    if (this.openBoards.has(boardId)) throw new Error(`board ${boardId} is already open in this store`);
    if (this.unreadableBoards.has(boardId)) {
      throw new RelayError('UNAVAILABLE', `board ${boardId}: marked unreadable`);
    }
    let board = this.boards.get(boardId);
    if (!board) {
      board = { epoch: randomUUID(), updates: [], logBytes: 0 };
      this.boards.set(boardId, board);
    }
    const doc = new Y.Doc({ gc: true });
    for (const update of board.updates) Y.applyUpdate(doc, update);
    this.openBoards.add(boardId);
    const storage = new MemoryBoardStorage(
      board,
      () => this.appendFailures.get(boardId),
      () => this.openBoards.delete(boardId),
    );
    return { epoch: board.epoch, doc, storage };
  }

  async exists(boardId: string): Promise<boolean> {
    return this.boards.has(boardId);
  }

  async close(): Promise<void> {}

  /** Makes every later append of this board reject with `RelayError('UNAVAILABLE')`. */
  failAppends(boardId: string, error: Error = new Error('injected append failure')): void {
    this.appendFailures.set(boardId, error);
  }

  /** Lets this board's appends succeed again (the disk came back). */
  healAppends(boardId: string): void {
    this.appendFailures.delete(boardId);
  }

  /** Makes later `open(boardId)` calls reject with `RelayError('UNAVAILABLE')`. */
  markUnreadable(boardId: string): void {
    this.unreadableBoards.add(boardId);
  }
}

class MemoryBoardStorage implements BoardStorage {
  private closed = false;
  private lastAppend: Promise<void> = Promise.resolve();

  constructor(
    private readonly board: StoredBoard,
    private readonly injectedFailure: () => Error | undefined,
    private readonly onClosed: () => void,
  ) {}

  get logBytes(): number {
    return this.board.logBytes;
  }

  get storedBytes(): number {
    return this.board.updates.reduce((sum, update) => sum + update.byteLength, 0);
  }

  append(update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new RelayError('UNAVAILABLE', 'board is closed'));
    const failure = this.injectedFailure();
    if (failure) return Promise.reject(new RelayError('UNAVAILABLE', failure.message));
    // Copied, as a write to disk would: the caller may reuse its buffer.
    this.board.updates.push(Uint8Array.from(update));
    this.board.logBytes += update.length;
    this.lastAppend = new Promise<void>((resolve) => setImmediate(resolve));
    return this.lastAppend;
  }

  async compact(captureState: () => Uint8Array): Promise<void> {
    if (this.closed) throw new RelayError('UNAVAILABLE', 'board is closed');
    this.board.updates = [captureState()];
    this.board.logBytes = 0;
  }

  flush(): Promise<void> {
    return this.lastAppend;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lastAppend;
    this.onClosed();
  }
}
