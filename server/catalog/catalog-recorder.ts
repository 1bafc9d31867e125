import { readBoardName, type MetaDoc } from '../../shared/model/board-meta';
import type { Logger } from '../core/types';
import type { CatalogEntry, CatalogFiles } from './catalog-files';

/** A board's sidecar is rewritten at most this often while it is edited (ms); a rename is written at once. */
export const CATALOG_WRITE_INTERVAL_MS = 5_000;

/**
 * Keeps each board's catalog sidecar current without a disk write per update:
 * the relay core reports every stored change; the newest entry waits here and
 * is written after CATALOG_WRITE_INTERVAL_MS, or at once when the name changed.
 * Listings ask `pending` first, so they are never behind the doc.
 */
export class CatalogRecorder {
  private readonly pendingEntries = new Map<string, CatalogEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The name last written per board; undefined when this process has not written one yet. */
  private readonly writtenNames = new Map<string, string | null>();
  /** Writes of one board run one after another (they share a temp file). */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly files: CatalogFiles,
    private readonly log: Logger,
    private readonly intervalMs = CATALOG_WRITE_INTERVAL_MS,
  ) {}

  /** A change to the board was stored; read its name now, while the doc is alive. */
  stored(boardId: string, doc: MetaDoc, now = new Date()): void {
    const entry: CatalogEntry = { name: readBoardName(doc) ?? null, updatedAt: now.toISOString() };
    this.pendingEntries.set(boardId, entry);
    if (this.writtenNames.get(boardId) !== entry.name) {
      void this.flush(boardId);
      return;
    }
    if (this.timers.has(boardId)) return;
    const timer = setTimeout(() => void this.flush(boardId), this.intervalMs);
    timer.unref?.();
    this.timers.set(boardId, timer);
  }

  /** The newest entry not yet on disk. */
  pending(boardId: string): CatalogEntry | undefined {
    return this.pendingEntries.get(boardId);
  }

  /** Writes the board's pending entry now; resolves once it (and any write before it) is done. Never rejects. */
  flush(boardId: string): Promise<void> {
    const timer = this.timers.get(boardId);
    if (timer) clearTimeout(timer);
    this.timers.delete(boardId);
    const previous = this.writing.get(boardId) ?? Promise.resolve();
    const run = previous.then(async () => {
      const entry = this.pendingEntries.get(boardId);
      if (!entry) return;
      try {
        await this.files.writeEntry(boardId, entry);
        this.writtenNames.set(boardId, entry.name);
        if (this.pendingEntries.get(boardId) === entry) this.pendingEntries.delete(boardId);
      } catch (error) {
        // The board's own files are intact; only the listing may show an older name or time.
        this.log.warn({ boardId, err: String(error) }, 'catalog entry not written');
      }
    });
    this.writing.set(boardId, run);
    void run.finally(() => {
      if (this.writing.get(boardId) === run) this.writing.delete(boardId);
    });
    return run;
  }

  /** The board left (deleted): drop what is pending for it, after any write in flight. */
  async forget(boardId: string): Promise<void> {
    await this.flush(boardId);
    this.pendingEntries.delete(boardId);
    this.writtenNames.delete(boardId);
  }

  /** Writes everything pending (the relay is closing). */
  async close(): Promise<void> {
    await Promise.all([...this.pendingEntries.keys()].map((boardId) => this.flush(boardId)));
  }
}
