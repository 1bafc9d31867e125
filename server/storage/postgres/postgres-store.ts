import { randomUUID } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { RelayError } from '../../../shared/protocol';
import { StructureError } from '../../core/update-structure';
import type { StorageLogger } from '../board-files';
import { dropPending } from '../board-loader';
import { assertBoardId } from '../board-id';
import { errorMessage } from '../fs-durable';
import { withoutSubdocuments } from '../stored-update';
import { type BoardStore, DEFAULT_MAX_BOARD_BYTES, type OpenedBoard } from '../types';
import { PostgresBoardStorage } from './postgres-board-storage';
import { migrate } from './schema';

export interface PostgresBoardStoreOptions {
  /** `postgres://USER[:PASSWORD]@HOST:PORT/DB` (libpq-style query parameters such as sslmode are honoured). */
  url: string;
  /** Names this relay in the rows it writes (its cluster node id). */
  node: string;
  logger?: StorageLogger;
  maxBoardBytes?: number;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** A query that takes longer than this is failed (an unreachable server must not hold acks forever). */
const QUERY_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * Boards in PostgreSQL, shared by every relay of a deployment
 * (docs/ARCHITECTURE.md#several-relays): one row per board (epoch and
 * snapshot) and an append-only log of updates. Several relays may have the
 * same board open: each appends its own clients' updates, and a compaction
 * folds into the snapshot exactly the rows it read, so none is lost.
 */
export class PostgresBoardStore implements BoardStore {
  private readonly openBoards = new Set<string>();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly node: string,
    private readonly log: StorageLogger,
    private readonly maxBoardBytes: number,
  ) {}

  /** Connects, runs the schema migrations, and fails (nothing left open) when the database is unreachable. */
  static async create(options: PostgresBoardStoreOptions): Promise<PostgresBoardStore> {
    const log = options.logger ?? (() => undefined);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      // An update is acknowledged once its row is committed: the commit must wait for the WAL flush.
      options: '-c synchronous_commit=on',
      application_name: `easel-relay ${options.node}`,
    });
    // An idle connection that breaks (server restart) is dropped from the pool; queries report their own errors.
    pool.on('error', (error) => log('store-connection-lost', { reason: error.message }));
    try {
      const client = await pool.connect();
      try {
        await migrate(client, (message) => log('store-migrated', { message }));
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL store ${redactUrl(options.url)}: ${errorMessage(error)}`, { cause: error });
    }
    return new PostgresBoardStore(pool, options.node, log, options.maxBoardBytes ?? DEFAULT_MAX_BOARD_BYTES);
  }

  async open(boardId: string): Promise<OpenedBoard> {
    if (this.closed) throw new Error('PostgresBoardStore is closed');
    assertBoardId(boardId);
    if (this.openBoards.has(boardId)) {
      throw new Error(`board ${boardId} is already open in this store; close it before opening it again`);
    }
    this.openBoards.add(boardId);
    try {
      const loaded = await this.load(boardId);
      const storage = new PostgresBoardStorage({
        pool: this.pool,
        boardId,
        node: this.node,
        logBytes: loaded.logBytes,
        snapshotBytes: loaded.snapshotBytes,
        log: this.log,
        onClosed: () => this.openBoards.delete(boardId),
      });
      return { epoch: loaded.epoch, doc: loaded.doc, storage };
    } catch (error) {
      this.openBoards.delete(boardId);
      if (error instanceof RelayError) this.log('board-unavailable', { boardId, reason: error.message });
      throw error;
    }
  }

  /** The store's connections, for the boards' files kept beside them (server/files/postgres-file-store.ts). */
  get connections(): pg.Pool {
    return this.pool;
  }

  async exists(boardId: string): Promise<boolean> {
    assertBoardId(boardId);
    if (this.openBoards.has(boardId)) return true;
    const { rowCount } = await this.query('SELECT 1 FROM easel_boards WHERE board_id = $1', [boardId]);
    return (rowCount ?? 0) > 0;
  }

  /** Whether the database answers now (for /healthz). */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.pool.query(text, values);
    } catch (error) {
      throw new RelayError('UNAVAILABLE', `the board store is unreachable: ${errorMessage(error)}`);
    }
  }

  /**
   * Creates the board if it is new (one epoch, whichever relay wins), then
   * reads its snapshot and log in one REPEATABLE READ transaction, so a
   * compaction committed meanwhile by another relay cannot hide rows from it.
   */
  private async load(boardId: string) {
    const startedAt = performance.now();
    const created = await this.query(
      'INSERT INTO easel_boards (board_id, epoch) VALUES ($1, $2) ON CONFLICT (board_id) DO NOTHING',
      [boardId, randomUUID()],
    );
    if ((created.rowCount ?? 0) > 0) this.log('board-created', { boardId });
    let rows: { epoch: string; snapshot: Buffer | null; updates: Buffer[] };
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const sizes = await client.query<{ bytes: string }>(
        `SELECT coalesce(octet_length(snapshot), 0)
              + coalesce((SELECT sum(octet_length(update)) FROM easel_board_updates WHERE board_id = $1), 0) AS bytes
           FROM easel_boards WHERE board_id = $1`,
        [boardId],
      );
      const bytes = Number(sizes.rows[0]?.bytes ?? 0);
      if (bytes > this.maxBoardBytes) {
        throw new RelayError(
          'TOO_LARGE',
          `board ${boardId} takes ${bytes} bytes in the store, more than this relay's limit of ${this.maxBoardBytes} ` +
            '(--max-board-bytes), so it was not opened',
        );
      }
      const board = await client.query<{ epoch: string; snapshot: Buffer | null }>(
        'SELECT epoch, snapshot FROM easel_boards WHERE board_id = $1',
        [boardId],
      );
      const log = await client.query<{ update: Buffer }>(
        'SELECT update FROM easel_board_updates WHERE board_id = $1 ORDER BY id',
        [boardId],
      );
      await client.query('COMMIT');
      const row = board.rows[0];
      if (!row) throw new RelayError('UNAVAILABLE', `board ${boardId} vanished while it was opened`);
      rows = { epoch: row.epoch, snapshot: row.snapshot, updates: log.rows.map((entry) => entry.update) };
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      if (error instanceof RelayError) throw error;
      throw new RelayError('UNAVAILABLE', `board ${boardId}: the store is unreachable: ${errorMessage(error)}`);
    } finally {
      client?.release();
    }
    const doc = replay(boardId, rows.snapshot, rows.updates, this.log);
    const logBytes = rows.updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.log('board-loaded', {
      boardId,
      records: rows.updates.length,
      bytes: logBytes + (rows.snapshot?.byteLength ?? 0),
      ms: Math.round(performance.now() - startedAt),
    });
    return { epoch: rows.epoch, doc, logBytes, snapshotBytes: rows.snapshot?.byteLength ?? 0 };
  }
}

/** Snapshot then log into a fresh doc, bounded as the file store's replay is (see board-loader.ts). */
export function replay(boardId: string, snapshot: Uint8Array | null, updates: Uint8Array[], log: StorageLogger): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  let subdocumentsRemoved = 0;
  const apply = (stored: Uint8Array, what: string) => {
    try {
      const repaired = withoutSubdocuments(stored);
      subdocumentsRemoved += repaired.removed;
      Y.applyUpdate(doc, repaired.update);
    } catch (error) {
      doc.destroy();
      const problem = error instanceof StructureError ? 'is not a Yjs update' : 'cannot be applied';
      throw new RelayError('UNAVAILABLE', `board ${boardId}: ${what} ${problem}: ${errorMessage(error)}`);
    }
  };
  if (snapshot) apply(snapshot, 'the snapshot');
  updates.forEach((update, index) => apply(update, `log row ${index}`));
  const pendingBytesDropped = dropPending(doc);
  if (subdocumentsRemoved > 0) log('subdocuments-removed', { boardId, count: subdocumentsRemoved });
  if (pendingBytesDropped > 0) log('pending-changes-dropped', { boardId, bytes: pendingBytesDropped });
  return doc;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
