import type * as Y from 'yjs';
import type { Logger } from '../core/types';
import { errorMessage } from '../storage/fs-durable';
import { imageHashesOf, namesImage } from './board-references';
import type { BoardFileStore } from './types';

/** What the collector needs of the relay core: deleted boards, and a board's doc. */
export interface CollectorBoards {
  refusalOf(boardId: string): string | undefined;
  /** Loads the board if needed; undefined when it does not exist. */
  readBoard<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T | undefined>;
  /** The doc of a board loaded now, if it is. */
  loadedDoc(boardId: string): Y.Doc | undefined;
}

export interface CollectorOptions {
  store: BoardFileStore;
  boards: CollectorBoards;
  /** A file unnamed for this long (and stored at least this long ago) is deleted (ms). */
  graceMs: number;
  /** Time between sweeps (ms). */
  intervalMs: number;
  log: Logger;
  /** Boards looked at per sweep: each may be loaded to read its doc. */
  boardsPerSweep?: number;
  /** Files deleted per sweep, at most. */
  deletesPerSweep?: number;
  now?: () => number;
}

export interface SweepReport {
  boards: number;
  deleted: number;
  unreferenced: number;
}

/** Each sweep looks at this many boards with files, taking turns, so a sweep stays short whatever their number. */
export const DEFAULT_BOARDS_PER_SWEEP = 8;
export const DEFAULT_DELETES_PER_SWEEP = 1_000;
/** An upload's temp file untouched this long was cut off (every write touches it); older processes' go at start. */
const LEFTOVER_UPLOAD_MS = 60 * 60_000;

/**
 * Deletes boards' files their board no longer names, once a grace period has
 * passed (docs/ARCHITECTURE.md#board-files). A file is deleted only when its
 * live board's doc does not name it, it has been seen unnamed for `graceMs`
 * (recorded beside the files, so a restart does not reset the clock), it was
 * stored or PUT again more than `graceMs` ago, and the doc still does not
 * name it at the moment of deletion. Deleted boards (the trash) are never
 * looked at: their files go with them.
 */
export class FileCollector {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private cursor = 0;
  private stopped = false;
  private readonly now: () => number;
  /** Uploads begun before this were cut off by the end of an earlier relay process. */
  private readonly startedAt: number;

  constructor(private readonly options: CollectorOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** Removes uploads an earlier process left (killed mid-upload), then sweeps every interval. */
  start(): void {
    this.running = this.removeLeftovers(this.startedAt).then(() => this.schedule());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /** One sweep over the next few boards with files. */
  async sweep(): Promise<SweepReport> {
    const { store } = this.options;
    const report: SweepReport = { boards: 0, deleted: 0, unreferenced: 0 };
    const boards = (await store.boardsWithFiles()).sort();
    if (boards.length === 0) return report;
    const take = Math.min(boards.length, this.options.boardsPerSweep ?? DEFAULT_BOARDS_PER_SWEEP);
    for (let i = 0; i < take && !this.stopped; i++) {
      const boardId = boards[(this.cursor + i) % boards.length] ?? '';
      try {
        await this.sweepBoard(boardId, report);
      } catch (error) {
        this.options.log.warn({ boardId, err: errorMessage(error) }, 'could not collect the files of a board');
      }
      report.boards++;
    }
    this.cursor = (this.cursor + take) % boards.length;
    return report;
  }

  private async sweepBoard(boardId: string, report: SweepReport): Promise<void> {
    const { store, boards, graceMs } = this.options;
    if (boards.refusalOf(boardId) !== undefined) return;
    await store.removeLeftovers(boardId, this.now() - LEFTOVER_UPLOAD_MS);
    const files = await store.list(boardId);
    if (files.length === 0) return;
    const named = await boards.readBoard(boardId, imageHashesOf);
    if (named === undefined) return;
    const recorded = await store.readUnreferenced(boardId);
    const now = this.now();
    const since = new Map<string, number>();
    const due: string[] = [];
    for (const file of files) {
      if (named.has(file.sha256)) continue;
      const unnamedSince = recorded.get(file.sha256) ?? now;
      since.set(file.sha256, unnamedSince);
      if (now - unnamedSince >= graceMs && now - file.storedAt >= graceMs) due.push(file.sha256);
    }
    const budget = (this.options.deletesPerSweep ?? DEFAULT_DELETES_PER_SWEEP) - report.deleted;
    for (const sha256 of due.slice(0, Math.max(0, budget))) {
      const removed = await store.remove(boardId, sha256, (storedAt) => {
        // Asked under the board's commit lock: named again meanwhile, or PUT again (an undo, a paste on its way).
        const doc = boards.loadedDoc(boardId);
        return (
          boards.refusalOf(boardId) !== undefined ||
          (doc !== undefined && namesImage(doc, sha256)) ||
          this.now() - storedAt < graceMs
        );
      });
      if (removed) {
        since.delete(sha256);
        report.deleted++;
        this.options.log.info({ boardId, sha256 }, 'deleted a board file the board no longer names');
      }
    }
    report.unreferenced += since.size;
    if (!sameRecord(recorded, since)) await store.writeUnreferenced(boardId, since);
  }

  private async removeLeftovers(before: number): Promise<void> {
    try {
      for (const boardId of await this.options.store.boardsWithFiles()) {
        if (this.stopped) return;
        await this.options.store.removeLeftovers(boardId, before);
      }
    } catch (error) {
      this.options.log.warn({ err: errorMessage(error) }, 'could not remove cut-off uploads');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sweep()
        .then((report) => {
          if (report.deleted > 0) this.options.log.info({ ...report }, 'board files collected');
        })
        .catch((error: unknown) => this.options.log.warn({ err: errorMessage(error) }, 'file sweep failed'))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref?.();
  }
}

function sameRecord(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
