import { randomBytes } from 'node:crypto';
import { constants, createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { z } from 'zod';
import { sha256Schema } from '../../shared/files';
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import { boardIdFromStorageName, boardStorageName } from '../storage/board-storage-name';
import { fsyncDirectory, isErrnoException, writeAll, writeFileAtomically } from '../storage/fs-durable';
import { describeBytes, FileRequestError } from './file-error';
import { SIGNATURE_BYTES } from './image-header';
import type { BoardFileStore, BoardFileUsage, CommitResult, FileEntry, FileReading, StagedFile } from './types';

/** A board's files: `<data-dir>/boards/<storage name>/files/<sha256>`. */
export const FILES_DIR = 'files';
/** An upload in progress, renamed to its hash once complete and checked; leftovers are removed by the collector. */
const UPLOAD_PREFIX = '.upload-';
/** The collector's record of files no board named, beside them. */
export const UNREFERENCED_FILE = 'unreferenced.json';

const unreferencedSchema = z.object({
  format: z.literal(1),
  since: z.record(sha256Schema, z.iso.datetime()),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

class DiskStagedFile implements StagedFile {
  private failed = false;
  constructor(
    readonly tempPath: string,
    readonly handle: fs.FileHandle,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    await writeAll(this.handle, chunk);
  }

  /** fsyncs and closes, ready for the rename. */
  async finish(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
  }

  async abort(): Promise<void> {
    if (this.failed) return;
    this.failed = true;
    await this.handle.close().catch(() => undefined);
    await fs.rm(this.tempPath, { force: true }).catch(() => undefined);
  }
}

/**
 * Boards' files in the data dir, each board's beside its own files, so a
 * deleted board's files go to the trash with it and come back on a restore
 * (docs/ARCHITECTURE.md#board-files).
 */
export class DiskFileStore implements BoardFileStore {
  private readonly boardsDir: string;
  /** One commit or removal per board at a time, so a quota is checked against what is really there. */
  private readonly boardLocks = new Map<string, ReturnType<typeof pLimit>>();

  constructor(dataDir: string) {
    this.boardsDir = path.resolve(dataDir, 'boards');
  }

  filesDir(boardId: string): string {
    // The id becomes a path component: one unchecked `..` would reach outside the data dir.
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error(`invalid board id ${JSON.stringify(boardId).slice(0, 80)}`);
    return path.join(this.boardsDir, boardStorageName(boardId), FILES_DIR);
  }

  async stage(boardId: string): Promise<StagedFile> {
    const dir = this.filesDir(boardId);
    try {
      // Not recursive: a board folder moved to the trash meanwhile must not be made again here.
      await fs.mkdir(dir);
      await fsyncDirectory(path.dirname(dir));
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) throw new FileRequestError('NOT_FOUND', `no board ${boardId}`);
      if (!isErrnoException(error, 'EEXIST')) throw error;
    }
    const tempPath = path.join(dir, `${UPLOAD_PREFIX}${randomBytes(8).toString('hex')}`);
    const handle = await fs.open(tempPath, 'wx', 0o600);
    return new DiskStagedFile(tempPath, handle);
  }

  async commit(
    boardId: string,
    sha256: string,
    staged: StagedFile,
    quota: { maxBytes: number; maxFiles: number },
  ): Promise<CommitResult> {
    if (!(staged instanceof DiskStagedFile)) throw new Error('not a file staged by this store');
    const dir = this.filesDir(boardId);
    const finalPath = path.join(dir, checkedHash(sha256));
    try {
      await staged.finish();
      return await this.locked(boardId, async () => {
        if ((await regularFileSize(finalPath)) !== undefined) {
          await staged.abort();
          // Someone is about to name it again: its grace period starts afresh (see remove).
          const now = new Date();
          await fs.utimes(finalPath, now, now);
          return 'existing';
        }
        const { size } = await fs.stat(staged.tempPath);
        const usage = await this.usage(boardId);
        if (usage.files + 1 > quota.maxFiles) {
          throw new FileRequestError(
            'QUOTA_EXCEEDED',
            `this board holds ${usage.files} files, the most this relay keeps for one board; delete images from it first`,
          );
        }
        if (usage.bytes + size > quota.maxBytes) {
          throw new FileRequestError(
            'QUOTA_EXCEEDED',
            `this board's files take ${describeBytes(usage.bytes)} of its ${describeBytes(quota.maxBytes)}; ` +
              `this one (${describeBytes(size)}) does not fit; delete images from the board first`,
          );
        }
        await fs.rename(staged.tempPath, finalPath);
        await fsyncDirectory(dir);
        return 'created';
      });
    } catch (error) {
      await staged.abort();
      if (isErrnoException(error, 'ENOENT')) throw new FileRequestError('NOT_FOUND', `no board ${boardId}`);
      throw error;
    }
  }

  async read(boardId: string, sha256: string): Promise<FileReading | undefined> {
    const file = path.join(this.filesDir(boardId), checkedHash(sha256));
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      if (isErrnoException(error, 'ENOENT') || isErrnoException(error, 'ELOOP')) return undefined;
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return undefined;
      const head = Buffer.alloc(Math.min(SIGNATURE_BYTES, stat.size));
      await handle.read(head, 0, head.length, 0);
      const bytes = stat.size;
      let opened = false;
      return {
        bytes,
        head,
        open: () => {
          opened = true;
          // The stream owns the descriptor from here on and closes it when done or destroyed.
          return createReadStream('', { fd: handle, start: 0, end: Math.max(0, bytes - 1), autoClose: true });
        },
        release: async () => {
          if (!opened) await handle.close();
        },
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async usage(boardId: string): Promise<BoardFileUsage> {
    const files = await this.list(boardId);
    return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length };
  }

  async list(boardId: string): Promise<FileEntry[]> {
    const dir = this.filesDir(boardId);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return [];
      throw error;
    }
    const entries = await Promise.all(
      names
        .filter((name) => sha256Schema.safeParse(name).success)
        .map(async (name): Promise<FileEntry | undefined> => {
          const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined);
          return stat?.isFile() ? { sha256: name, bytes: stat.size, storedAt: stat.mtimeMs } : undefined;
        }),
    );
    return entries.filter((entry) => entry !== undefined);
  }

  async remove(boardId: string, sha256: string, stillWanted: (storedAt: number) => boolean): Promise<boolean> {
    const dir = this.filesDir(boardId);
    const file = path.join(dir, checkedHash(sha256));
    return this.locked(boardId, async () => {
      const stat = await fs.lstat(file).catch(() => undefined);
      if (!stat?.isFile() || stillWanted(stat.mtimeMs)) return false;
      await fs.rm(file, { force: true });
      await fsyncDirectory(dir);
      return true;
    });
  }

  async readUnreferenced(boardId: string): Promise<Map<string, number>> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.filesDir(boardId), UNREFERENCED_FILE), 'utf8');
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return new Map();
      throw error;
    }
    const parsed = unreferencedSchema.safeParse(parseJson(text));
    // An unreadable record only restarts the grace period: files are kept longer, never deleted sooner.
    if (!parsed.success) return new Map();
    return new Map(Object.entries(parsed.data.since).map(([sha256, iso]) => [sha256, Date.parse(iso)]));
  }

  async writeUnreferenced(boardId: string, since: ReadonlyMap<string, number>): Promise<void> {
    const dir = this.filesDir(boardId);
    if (since.size === 0) {
      await fs.rm(path.join(dir, UNREFERENCED_FILE), { force: true });
      return;
    }
    const record = {
      format: 1,
      since: Object.fromEntries([...since].map(([sha256, at]) => [sha256, new Date(at).toISOString()])),
    };
    await writeFileAtomically(dir, UNREFERENCED_FILE, Buffer.from(JSON.stringify(record)));
  }

  async removeLeftovers(boardId: string, before: number): Promise<number> {
    const dir = this.filesDir(boardId);
    let removed = 0;
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!name.startsWith(UPLOAD_PREFIX)) continue;
      const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined);
      if (!stat || stat.mtimeMs >= before) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
    return removed;
  }

  async boardsWithFiles(): Promise<string[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(this.boardsDir);
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return [];
      throw error;
    }
    const ids = await Promise.all(
      entries.map(async (name) => {
        const id = boardIdFromStorageName(name);
        if (id === undefined) return undefined;
        const stat = await fs.lstat(path.join(this.boardsDir, name, FILES_DIR)).catch(() => undefined);
        return stat?.isDirectory() ? id : undefined;
      }),
    );
    return ids.filter((id) => id !== undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.boardLocks.values()].map((limit) => limit(() => undefined)));
  }

  private locked<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    let limit = this.boardLocks.get(boardId);
    if (!limit) {
      limit = pLimit(1);
      this.boardLocks.set(boardId, limit);
    }
    const lock = limit;
    return lock(work).finally(() => {
      if (lock.activeCount === 0 && lock.pendingCount === 0) this.boardLocks.delete(boardId);
    });
  }
}

function checkedHash(sha256: string): string {
  if (!sha256Schema.safeParse(sha256).success) throw new Error('not a sha256 file name');
  return sha256;
}

async function regularFileSize(file: string): Promise<number | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined);
  return stat?.isFile() ? stat.size : undefined;
}
