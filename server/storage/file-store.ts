import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { boardExistsIn, readBoard, type BoardOnDisk, type LoadRepairs } from './board-loader';
import { FileBoardStorage, createLogFile, type StorageLogger } from './board-files';
import { assertBoardId } from './board-id';
import { migrateLegacyBoardFolders } from './board-folder-migration';
import { boardStorageName } from './board-storage-name';
import { DataDirLock } from './data-dir-lock';
import { OpenLogFiles } from './open-log-files';
import { errorMessage, fsyncDirectory, truncateDurably, writeFileAtomically } from './fs-durable';
import { FORMAT_VERSION, META_FILE, encodeMeta } from './record-codec';
import { type BoardStore, DEFAULT_MAX_BOARD_BYTES, type OpenedBoard } from './types';

export type { StorageLogger } from './board-files';

export interface FileBoardStoreOptions {
  logger?: StorageLogger;
  /** A board whose files add up to more is not opened (RelayError TOO_LARGE). */
  maxBoardBytes?: number;
  /** Log files kept open at once across all boards (--max-open-logs). */
  maxOpenLogs?: number;
}

export const DEFAULT_MAX_OPEN_LOGS = 256;
/**
 * Boards read or created at once, and compactions writing at once: each holds
 * a few files open for a moment, so a thousand joins (or unloads) at the same
 * time must not open a thousand of them.
 */
export const MAX_CONCURRENT_FILE_WORK = 8;

/**
 * The relay's durable store: one folder of files per board under `<dataDir>/boards/`
 * (docs/ARCHITECTURE.md#storage).
 */
export class FileBoardStore implements BoardStore {
  /** Boards open (or being opened) in this store; a second writer on one log would corrupt it. */
  private readonly openBoards = new Map<string, FileBoardStorage | undefined>();
  private closed = false;
  private readonly logFiles: OpenLogFiles;
  private readonly opening = pLimit(MAX_CONCURRENT_FILE_WORK);
  /** Compactions' file work; apart from `opening`, since neither waits for the other. */
  private readonly compacting = pLimit(MAX_CONCURRENT_FILE_WORK);

  private constructor(
    private readonly boardsDir: string,
    private readonly lock: DataDirLock,
    private readonly log: StorageLogger,
    private readonly maxBoardBytes: number,
    maxOpenLogs: number,
  ) {
    this.logFiles = new OpenLogFiles(maxOpenLogs);
  }

  static async create(dataDir: string, options: FileBoardStoreOptions = {}): Promise<FileBoardStore> {
    const log = options.logger ?? (() => undefined);
    const lock = await DataDirLock.acquire(dataDir, log);
    const boardsDir = path.join(lock.dataDir, 'boards');
    try {
      await fs.mkdir(boardsDir, { recursive: true });
      await fsyncDirectory(lock.dataDir);
      await migrateLegacyBoardFolders(boardsDir, log);
    } catch (error) {
      await lock.release();
      throw error;
    }
    return new FileBoardStore(
      boardsDir,
      lock,
      log,
      options.maxBoardBytes ?? DEFAULT_MAX_BOARD_BYTES,
      options.maxOpenLogs ?? DEFAULT_MAX_OPEN_LOGS,
    );
  }

  async open(boardId: string): Promise<OpenedBoard> {
    if (this.closed) throw new Error('FileBoardStore is closed');
    assertBoardId(boardId);
    if (this.openBoards.has(boardId)) {
      throw new Error(`board ${boardId} is already open in this store; close it before opening it again`);
    }
    this.openBoards.set(boardId, undefined);
    try {
      const opened = await this.opening(() => this.openBoard(boardId));
      if (this.closed) {
        // The store closed while this board loaded; nobody would ever close it.
        await opened.storage.close();
        throw new Error('FileBoardStore closed while the board was opening');
      }
      this.openBoards.set(boardId, opened.storage);
      return opened;
    } catch (error) {
      this.openBoards.delete(boardId);
      if (error instanceof RelayError) this.log('board-unavailable', { boardId, reason: error.message });
      throw error;
    }
  }

  async exists(boardId: string): Promise<boolean> {
    assertBoardId(boardId);
    return this.openBoards.has(boardId) || (await boardExistsIn(path.join(this.boardsDir, boardStorageName(boardId))));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stillOpen = [...this.openBoards.values()].filter((storage) => storage !== undefined);
    await Promise.all(stillOpen.map((storage) => storage.close()));
    await this.lock.release();
  }

  private async openBoard(boardId: string): Promise<OpenedBoard & { storage: FileBoardStorage }> {
    const dir = path.join(this.boardsDir, boardStorageName(boardId));
    const startedAt = performance.now();
    const onDisk = await readBoard(dir, boardId, this.maxBoardBytes);
    if (!onDisk) return this.createBoard(boardId, dir);
    this.logRepairs(boardId, onDisk.repairs);
    try {
      const storage = await this.repairAndAttach(boardId, dir, onDisk);
      this.log('board-loaded', {
        boardId,
        records: onDisk.recordCount,
        bytes: onDisk.bytesRead,
        logs: onDisk.liveLogs.length,
        ms: Math.round(performance.now() - startedAt),
      });
      return { epoch: onDisk.epoch, doc: onDisk.doc, storage };
    } catch (error) {
      onDisk.doc.destroy();
      throw error;
    }
  }

  /** What the replay left out (see readBoard), said once per load; the files themselves are untouched. */
  private logRepairs(boardId: string, repairs: LoadRepairs): void {
    if (repairs.subdocumentsRemoved > 0) {
      this.log('subdocuments-removed', { boardId, count: repairs.subdocumentsRemoved });
    }
    if (repairs.pendingBytesDropped > 0) {
      this.log('pending-changes-dropped', {
        boardId,
        bytes: repairs.pendingBytesDropped,
        reason: 'changes whose dependencies never arrived',
      });
    }
  }

  /** Runs only after the whole board verified: cuts a torn tail, drops leftovers, opens the log to append to. */
  private async repairAndAttach(boardId: string, dir: string, onDisk: BoardOnDisk): Promise<FileBoardStorage> {
    try {
      for (const log of onDisk.liveLogs) {
        if (log.goodEnd === log.fileSize) continue;
        await truncateDurably(path.join(dir, log.fileName), log.goodEnd);
        this.log('torn-tail-cut', {
          boardId,
          file: log.fileName,
          bytesCut: log.fileSize - log.goodEnd,
          reason: log.tornTail,
        });
      }
      for (const leftover of onDisk.leftoverFiles) await fs.rm(path.join(dir, leftover), { force: true });
      const lastLog = onDisk.liveLogs.at(-1);
      const generation = lastLog?.generation ?? onDisk.baseGeneration;
      const logPath = lastLog ? path.join(dir, lastLog.fileName) : await createLogFile(dir, generation);
      return this.attachStorage(boardId, dir, logPath, generation, sumRecordBytes(onDisk), onDisk.snapshotBytes);
    } catch (error) {
      throw new RelayError('UNAVAILABLE', `board ${boardId}: preparing its files failed: ${errorMessage(error)}`);
    }
  }

  private async createBoard(boardId: string, dir: string): Promise<OpenedBoard & { storage: FileBoardStorage }> {
    const epoch = randomUUID();
    try {
      await fs.mkdir(dir, { recursive: true });
      await fsyncDirectory(this.boardsDir);
      const meta = { format: FORMAT_VERSION, epoch, createdAt: new Date().toISOString() };
      await writeFileAtomically(dir, META_FILE, encodeMeta(meta));
      const logPath = await createLogFile(dir, 0);
      this.log('board-created', { boardId, epoch });
      return { epoch, doc: new Y.Doc({ gc: true }), storage: this.attachStorage(boardId, dir, logPath, 0, 0, 0) };
    } catch (error) {
      throw new RelayError('UNAVAILABLE', `board ${boardId}: creating its files failed: ${errorMessage(error)}`);
    }
  }

  private attachStorage(
    boardId: string,
    dir: string,
    logPath: string,
    generation: number,
    logBytes: number,
    snapshotBytes: number,
  ): FileBoardStorage {
    return new FileBoardStorage({
      boardId,
      dir,
      logPath,
      files: this.logFiles,
      fileWork: this.compacting,
      generation,
      logBytes,
      snapshotBytes,
      log: this.log,
      onClosed: () => this.openBoards.delete(boardId),
    });
  }
}

function sumRecordBytes(onDisk: BoardOnDisk): number {
  return onDisk.liveLogs.reduce((sum, log) => sum + log.recordBytes, 0);
}
