import type pg from 'pg';
import * as Y from 'yjs';
import { RelayError } from '../../../shared/protocol';
import { errorMessage } from '../fs-durable';
import type { BoardStorage } from '../types';
import type { StorageLogger } from '../board-files';

interface PendingAppend {
  update: Uint8Array;
  resolve: () => void;
  reject: (error: RelayError) => void;
}

export interface PostgresBoardStorageOptions {
  pool: pg.Pool;
  boardId: string;
  node: string;
  /** Bytes of the log rows and of the snapshot as loaded. */
  logBytes: number;
  snapshotBytes: number;
  log: StorageLogger;
  onClosed: () => void;
}

/**
 * One open board's writes to PostgreSQL. Group commit as in the file store:
 * every append that arrives while a commit is under way (or in the same tick)
 * goes into the next INSERT, one statement and so one transaction, and each
 * resolves only once that transaction committed (synchronous_commit = on).
 */
export class PostgresBoardStorage implements BoardStorage {
  private queue: PendingAppend[] = [];
  private queuedBytes = 0;
  private writing: Promise<void> | null = null;
  private failure: RelayError | null = null;
  private closed = false;
  private logBytesNow: number;
  private snapshotBytes: number;

  constructor(private readonly options: PostgresBoardStorageOptions) {
    this.logBytesNow = options.logBytes;
    this.snapshotBytes = options.snapshotBytes;
  }

  get logBytes(): number {
    return this.logBytesNow;
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.logBytesNow + this.queuedBytes;
  }

  append(update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new RelayError('UNAVAILABLE', 'board is closed'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      // Copied: the caller may reuse its buffer before the row is written.
      this.queue.push({ update: Uint8Array.from(update), resolve, reject });
      this.queuedBytes += update.byteLength;
      this.writing ??= new Promise<void>((started) => setImmediate(started)).then(() => this.writeQueued());
    });
  }

  /** Writes batch after batch until nothing is queued; a failed batch fails this storage for good. */
  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      const bytes = this.queuedBytes;
      this.queue = [];
      this.queuedBytes = 0;
      if (this.failure) {
        for (const append of batch) append.reject(this.failure);
        continue;
      }
      try {
        await this.options.pool.query(
          'INSERT INTO easel_board_updates (board_id, update, node) SELECT $1, unnest($2::bytea[]), $3',
          [this.options.boardId, batch.map((append) => Buffer.from(append.update)), this.options.node],
        );
        this.logBytesNow += bytes;
        for (const append of batch) append.resolve();
      } catch (error) {
        this.failure = new RelayError('UNAVAILABLE', `the board store is unreachable: ${errorMessage(error)}`);
        this.options.log('append-failed', { boardId: this.options.boardId, reason: errorMessage(error) });
        for (const append of batch) append.reject(this.failure);
      }
    }
    this.writing = null;
  }

  /**
   * In one transaction: locks the board's row, reads the snapshot and every
   * committed log row, merges them with `captureState()`, writes the result
   * as the new snapshot and deletes exactly the rows it read. Rows another
   * relay commits meanwhile are not read, so they stay in the log.
   */
  async compact(captureState: () => Uint8Array): Promise<void> {
    if (this.closed) throw new RelayError('UNAVAILABLE', 'board is closed');
    const { pool, boardId } = this.options;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const board = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM easel_boards WHERE board_id = $1 FOR UPDATE',
        [boardId],
      );
      const rows = await client.query<{ id: string; update: Buffer }>(
        'SELECT id, update FROM easel_board_updates WHERE board_id = $1 ORDER BY id',
        [boardId],
      );
      const merged = new Y.Doc({ gc: true });
      try {
        Y.applyUpdate(merged, captureState());
        const snapshot = board.rows[0]?.snapshot;
        if (snapshot) Y.applyUpdate(merged, snapshot);
        for (const row of rows.rows) Y.applyUpdate(merged, row.update);
        if (merged.store.pendingStructs || merged.store.pendingDs) {
          // A snapshot drops pending changes; the rows that hold them must stay.
          throw new Error('the log holds changes whose dependencies are not stored yet');
        }
        const state = Y.encodeStateAsUpdate(merged);
        await client.query('UPDATE easel_boards SET snapshot = $2, compacted_at = now() WHERE board_id = $1', [
          boardId,
          Buffer.from(state),
        ]);
        await client.query('DELETE FROM easel_board_updates WHERE id = ANY($1::bigint[])', [
          rows.rows.map((row) => row.id),
        ]);
        await client.query('COMMIT');
        const folded = rows.rows.reduce((sum, row) => sum + row.update.byteLength, 0);
        this.logBytesNow = Math.max(0, this.logBytesNow - folded);
        this.snapshotBytes = state.byteLength;
        this.options.log('board-compacted', { boardId, rows: rows.rows.length, snapshotBytes: state.byteLength });
      } finally {
        merged.destroy();
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new RelayError('UNAVAILABLE', `board ${boardId}: compaction failed: ${errorMessage(error)}`);
    } finally {
      client.release();
    }
  }

  async readStored(): Promise<Uint8Array> {
    const { pool, boardId } = this.options;
    const client = await pool.connect().catch((error: unknown) => {
      throw new RelayError('UNAVAILABLE', `the board store is unreachable: ${errorMessage(error)}`);
    });
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const board = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM easel_boards WHERE board_id = $1',
        [boardId],
      );
      const rows = await client.query<{ update: Buffer }>(
        'SELECT update FROM easel_board_updates WHERE board_id = $1 ORDER BY id',
        [boardId],
      );
      await client.query('COMMIT');
      const snapshot = board.rows[0]?.snapshot;
      return Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...rows.rows.map((row) => row.update)]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new RelayError('UNAVAILABLE', `board ${boardId}: reading it failed: ${errorMessage(error)}`);
    } finally {
      client.release();
    }
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    this.options.onClosed();
  }
}
