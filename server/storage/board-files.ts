import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LimitFunction } from 'p-limit';
import { RelayError } from '../../shared/protocol';
import { errorMessage, writeAll, writeFileAtomically } from './fs-durable';
import type { LogFileSlot, OpenLogFiles } from './open-log-files';
import {
  MAX_GENERATION,
  SNAPSHOT_FILE,
  encodeLogHeader,
  encodeRecord,
  encodeSnapshot,
  logFileName,
  parseLogFileName,
} from './record-codec';
import type { BoardStorage } from './types';

export type StorageLogger = (event: string, details: Record<string, unknown>) => void;

/** Creates log `generation` whole (header included), durably; returns its path. */
export async function createLogFile(dir: string, generation: number): Promise<string> {
  const fileName = logFileName(generation);
  await writeFileAtomically(dir, fileName, encodeLogHeader(generation));
  return path.join(dir, fileName);
}

interface PendingAppend {
  record: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface FileBoardStorageInit {
  boardId: string;
  dir: string;
  /** The last live log, the one appends go to. */
  logPath: string;
  /** The store's pool of open log files; this board's log is opened through it when written. */
  files: OpenLogFiles;
  /** Runs compaction's file work (new log, snapshot, removals) a few boards at a time. */
  fileWork: LimitFunction;
  generation: number;
  /** Record bytes already in the live logs. */
  logBytes: number;
  /** Size of the snapshot file (0 without one). */
  snapshotBytes: number;
  log: StorageLogger;
  onClosed: () => void;
}

const noop = (): void => undefined;

/**
 * One open board's log: group-committed appends and compaction.
 *
 * Everything that touches the current log file (a flush, the switch to a new
 * log, closing) runs one at a time on `ioChain`, so a flush never overlaps
 * another flush or a switch. The file itself is open only while the store's
 * pool of open log files (open-log-files.ts) keeps it: between flushes it may
 * be closed to make room for another board's, and is reopened by the next. The slow part of compaction (writing the snapshot) runs outside
 * that chain, so appends keep flowing into the new log meanwhile.
 */
export class FileBoardStorage implements BoardStorage {
  private readonly boardId: string;
  private readonly dir: string;
  private readonly log: StorageLogger;
  private readonly onClosed: () => void;
  private readonly files: OpenLogFiles;
  private readonly fileWork: LimitFunction;
  private logFile: LogFileSlot;
  private generation: number;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private ioChain: Promise<void> = Promise.resolve();
  private compactionChain: Promise<void> = Promise.resolve();
  /** Once set, the log's state on disk is unknown: every append fails until the board is reopened. */
  private failure: RelayError | undefined;
  private closing: Promise<void> | undefined;
  private currentLogBytes: number;
  /** Record bytes in logs below the current one, until a snapshot covering them lands. */
  private olderLogsBytes = 0;
  private snapshotBytes: number;
  /** Records appended but not yet written. */
  private queuedBytes = 0;

  constructor(init: FileBoardStorageInit) {
    this.boardId = init.boardId;
    this.dir = init.dir;
    this.files = init.files;
    this.fileWork = init.fileWork;
    this.logFile = { path: init.logPath };
    this.generation = init.generation;
    this.currentLogBytes = init.logBytes;
    this.snapshotBytes = init.snapshotBytes;
    this.log = init.log;
    this.onClosed = init.onClosed;
  }

  get logBytes(): number {
    return this.olderLogsBytes + this.currentLogBytes;
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes + this.queuedBytes;
  }

  append(update: Uint8Array): Promise<void> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    const record = encodeRecord(update);
    this.queuedBytes += record.length;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.scheduleFlush();
    });
  }

  async flush(): Promise<void> {
    await this.enqueueIo(() => this.flushQueued());
    if (this.failure) throw this.failure;
  }

  compact(captureState: () => Uint8Array): Promise<void> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    const run = this.compactionChain.then(() => this.runCompaction(captureState));
    this.compactionChain = run.then(noop, noop);
    return run;
  }

  close(): Promise<void> {
    this.closing ??= this.release();
    return this.closing;
  }

  private refusal(): RelayError | undefined {
    if (this.closing) return new RelayError('UNAVAILABLE', 'board is closed');
    return this.failure;
  }

  private async release(): Promise<void> {
    // Appends made before close() still get written; a failure there reaches
    // their own promises, so closing itself always succeeds in letting go.
    await this.enqueueIo(() => this.flushQueued());
    await this.compactionChain;
    await this.enqueueIo(() => this.files.release(this.logFile)).catch(noop);
    this.onClosed();
  }

  private enqueueIo<T>(task: () => Promise<T>): Promise<T> {
    const run = this.ioChain.then(task);
    this.ioChain = run.then(noop, noop);
    return run;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: every append of the current tick, including
    // those made by I/O callbacks of the same event-loop turn, shares the fsync.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.enqueueIo(() => this.flushQueued());
    });
  }

  /** Writes every queued record in one write and one datasync. Never rejects. */
  private async flushQueued(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.queuedBytes -= batch.reduce((sum, pending) => sum + pending.record.length, 0);
    if (this.failure) {
      for (const pending of batch) pending.reject(this.failure);
      return;
    }
    const data = Buffer.concat(batch.map((pending) => pending.record));
    try {
      await this.files.use(this.logFile, async (handle) => {
        await writeAll(handle, data);
        await handle.datasync();
      });
    } catch (error) {
      this.fail(`writing ${logFileName(this.generation)} failed: ${errorMessage(error)}`);
      for (const pending of batch) pending.reject(this.failure ?? new RelayError('UNAVAILABLE', 'write failed'));
      return;
    }
    this.currentLogBytes += data.length;
    for (const pending of batch) pending.resolve();
  }

  private fail(reason: string): void {
    this.failure = new RelayError('UNAVAILABLE', `board ${this.boardId}: ${reason}`);
    this.log('board-unavailable', { boardId: this.boardId, reason: this.failure.message });
    // Records already queued would land after a possibly partial write; refuse them too.
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const pending of queued) pending.reject(this.failure);
  }

  private async runCompaction(captureState: () => Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    const startedAt = performance.now();
    const { generation, state } = await this.enqueueIo(() => this.switchToNextLog(captureState));
    const snapshot = encodeSnapshot(generation, state);
    try {
      await this.fileWork(() => writeFileAtomically(this.dir, SNAPSHOT_FILE, snapshot));
    } catch (error) {
      // The older logs still hold everything, so the board stays whole and
      // appends go on; only this compaction is lost.
      throw new RelayError(
        'UNAVAILABLE',
        `board ${this.boardId}: writing ${SNAPSHOT_FILE} failed: ${errorMessage(error)}`,
      );
    }
    this.olderLogsBytes = 0;
    this.snapshotBytes = snapshot.length;
    const removedLogs = await this.fileWork(() => this.removeLogsBelow(generation));
    this.log('compacted', {
      boardId: this.boardId,
      generation,
      snapshotBytes: snapshot.length,
      removedLogs,
      ms: Math.round(performance.now() - startedAt),
    });
  }

  /** Runs on `ioChain`: no flush is in flight, so the current log is complete and durable. */
  private async switchToNextLog(captureState: () => Uint8Array): Promise<{ generation: number; state: Uint8Array }> {
    if (this.failure) throw this.failure;
    const generation = this.generation + 1;
    if (generation > MAX_GENERATION) {
      throw new RelayError('UNAVAILABLE', `board ${this.boardId}: log generations exhausted`);
    }
    let nextLog: string;
    try {
      nextLog = await this.fileWork(() => createLogFile(this.dir, generation));
    } catch (error) {
      throw new RelayError(
        'UNAVAILABLE',
        `board ${this.boardId}: creating ${logFileName(generation)} failed: ${errorMessage(error)}`,
      );
    }
    const previousLog = this.logFile;
    // No await between the switch and the capture: every record in the older
    // logs is in the captured state, and every append from now on goes to the
    // new log (some may repeat state the snapshot has; Yjs updates are idempotent).
    this.logFile = { path: nextLog };
    this.generation = generation;
    this.olderLogsBytes += this.currentLogBytes;
    this.currentLogBytes = 0;
    try {
      return { generation, state: captureState() };
    } finally {
      await this.files.release(previousLog).catch(noop);
    }
  }

  /** Deletes the logs a durable snapshot now covers. A failure only leaves leftovers the next load removes. */
  private async removeLogsBelow(generation: number): Promise<number> {
    let removed = 0;
    try {
      for (const name of await fs.readdir(this.dir)) {
        const logGeneration = parseLogFileName(name);
        if (logGeneration === undefined || logGeneration >= generation) continue;
        await fs.rm(path.join(this.dir, name), { force: true });
        removed += 1;
      }
    } catch (error) {
      this.log('stale-logs-kept', { boardId: this.boardId, reason: errorMessage(error) });
    }
    return removed;
  }
}
