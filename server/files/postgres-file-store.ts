import { Readable } from 'node:stream';
import type pg from 'pg';
import { sha256Schema } from '../../shared/files';
import { describeBytes, FileRequestError } from './file-error';
import { SIGNATURE_BYTES } from './image-header';
import type { BoardFileStore, BoardFileUsage, CommitResult, FileEntry, FileReading, StagedFile } from './types';

/** An upload held in memory until its row is inserted (the driver sends a bytea whole anyway). */
class MemoryStagedFile implements StagedFile {
  readonly chunks: Buffer[] = [];
  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(Buffer.from(chunk));
  }
  async abort(): Promise<void> {
    this.chunks.length = 0;
  }
}

/** Namespaces the per-board advisory locks (the first key of pg_advisory_xact_lock(int, int)). */
const FILE_LOCK_SPACE = 0x0ea5e2;

/**
 * Boards' files in PostgreSQL, beside the boards (table `easel_board_files`,
 * migration 2), so every relay of a deployment serves every file
 * (docs/ARCHITECTURE.md#board-files). A commit is one transaction holding the
 * board's advisory lock: quota, then insert; it resolves once committed
 * (`synchronous_commit = on`). An upload is held in memory until then, so
 * --max-file-bytes times the uploads at once bounds what that takes.
 */
export class PostgresFileStore implements BoardFileStore {
  constructor(private readonly pool: pg.Pool) {}

  async stage(): Promise<StagedFile> {
    return new MemoryStagedFile();
  }

  async commit(
    boardId: string,
    sha256: string,
    staged: StagedFile,
    quota: { maxBytes: number; maxFiles: number },
  ): Promise<CommitResult> {
    if (!(staged instanceof MemoryStagedFile)) throw new Error('not a file staged by this store');
    checkedHash(sha256);
    const data = Buffer.concat(staged.chunks);
    await staged.abort();
    return this.inBoardTransaction(boardId, async (client) => {
      const touched = await client.query(
        'UPDATE easel_board_files SET stored_at = now(), unreferenced_since = NULL WHERE board_id = $1 AND sha256 = $2',
        [boardId, sha256],
      );
      if ((touched.rowCount ?? 0) > 0) return 'existing';
      const { rows } = await client.query<{ bytes: string; files: string }>(
        'SELECT COALESCE(SUM(bytes), 0) AS bytes, COUNT(*) AS files FROM easel_board_files WHERE board_id = $1',
        [boardId],
      );
      const usage = { bytes: Number(rows[0]?.bytes ?? 0), files: Number(rows[0]?.files ?? 0) };
      if (usage.files + 1 > quota.maxFiles) {
        throw new FileRequestError(
          'QUOTA_EXCEEDED',
          `this board holds ${usage.files} files, the most this relay keeps for one board; delete images from it first`,
        );
      }
      if (usage.bytes + data.length > quota.maxBytes) {
        throw new FileRequestError(
          'QUOTA_EXCEEDED',
          `this board's files take ${describeBytes(usage.bytes)} of its ${describeBytes(quota.maxBytes)}; ` +
            `this one (${describeBytes(data.length)}) does not fit; delete images from the board first`,
        );
      }
      try {
        await client.query('INSERT INTO easel_board_files (board_id, sha256, bytes, data) VALUES ($1, $2, $3, $4)', [
          boardId,
          sha256,
          data.length,
          data,
        ]);
      } catch (error) {
        // The board row is gone (a foreign key violation): there is no such board.
        if ((error as { code?: string }).code === '23503') {
          throw new FileRequestError('NOT_FOUND', `no board ${boardId}`);
        }
        throw error;
      }
      return 'created';
    });
  }

  async read(boardId: string, sha256: string): Promise<FileReading | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM easel_board_files WHERE board_id = $1 AND sha256 = $2',
      [boardId, checkedHash(sha256)],
    );
    const data = rows[0]?.data;
    if (!data) return undefined;
    return {
      bytes: data.length,
      head: data.subarray(0, SIGNATURE_BYTES),
      open: () => Readable.from([data]),
      release: async () => undefined,
    };
  }

  async usage(boardId: string): Promise<BoardFileUsage> {
    const files = await this.list(boardId);
    return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length };
  }

  async list(boardId: string): Promise<FileEntry[]> {
    const { rows } = await this.pool.query<{ sha256: string; bytes: number; stored_at: Date }>(
      'SELECT sha256, bytes, stored_at FROM easel_board_files WHERE board_id = $1',
      [boardId],
    );
    return rows.map((row) => ({ sha256: row.sha256, bytes: row.bytes, storedAt: row.stored_at.getTime() }));
  }

  async remove(boardId: string, sha256: string, stillWanted: (storedAt: number) => boolean): Promise<boolean> {
    return this.inBoardTransaction(boardId, async (client) => {
      const { rows } = await client.query<{ stored_at: Date }>(
        'SELECT stored_at FROM easel_board_files WHERE board_id = $1 AND sha256 = $2',
        [boardId, checkedHash(sha256)],
      );
      const row = rows[0];
      if (!row || stillWanted(row.stored_at.getTime())) return false;
      await client.query('DELETE FROM easel_board_files WHERE board_id = $1 AND sha256 = $2', [boardId, sha256]);
      return true;
    });
  }

  async boardsWithFiles(): Promise<string[]> {
    const { rows } = await this.pool.query<{ board_id: string }>('SELECT DISTINCT board_id FROM easel_board_files');
    return rows.map((row) => row.board_id);
  }

  async readUnreferenced(boardId: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ sha256: string; unreferenced_since: Date }>(
      'SELECT sha256, unreferenced_since FROM easel_board_files WHERE board_id = $1 AND unreferenced_since IS NOT NULL',
      [boardId],
    );
    return new Map(rows.map((row) => [row.sha256, row.unreferenced_since.getTime()]));
  }

  async writeUnreferenced(boardId: string, since: ReadonlyMap<string, number>): Promise<void> {
    const hashes = [...since.keys()];
    const times = hashes.map((sha256) => new Date(since.get(sha256) ?? Date.now()));
    // One statement: clear the board's marks, then set those given (unnest pairs each hash with its time).
    await this.pool.query(
      `UPDATE easel_board_files AS f SET unreferenced_since = m.since
         FROM (SELECT f2.sha256, u.since FROM easel_board_files f2
               LEFT JOIN unnest($2::text[], $3::timestamptz[]) AS u(sha256, since) ON u.sha256 = f2.sha256
               WHERE f2.board_id = $1) AS m
        WHERE f.board_id = $1 AND f.sha256 = m.sha256 AND f.unreferenced_since IS DISTINCT FROM m.since`,
      [boardId, hashes, times],
    );
  }

  /** Nothing to remove: an upload is in memory until its row is committed, and a killed relay's is gone with it. */
  async removeLeftovers(): Promise<number> {
    return 0;
  }

  /** The pool is the board store's; it closes it. */
  async close(): Promise<void> {}

  private async inBoardTransaction<T>(boardId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [FILE_LOCK_SPACE, boardId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function checkedHash(sha256: string): string {
  if (!sha256Schema.safeParse(sha256).success) throw new Error('not a sha256 file name');
  return sha256;
}
