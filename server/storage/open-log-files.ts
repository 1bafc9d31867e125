import { constants, promises as fs } from 'node:fs';

type FileHandle = fs.FileHandle;

/** One board's current log file, as the pool knows it. */
export interface LogFileSlot {
  /** The file appends go to; it changes when compaction starts a new log (release first). */
  path: string;
}

/**
 * The open log files of every board of a store, at most `capacity` at once,
 * so file descriptors stay bounded whatever the number of boards loaded.
 *
 * A board's log is opened (for appending) when a write needs it and stays
 * open after it, until `capacity` is reached and another board needs a file:
 * then the file used least recently is closed. Only a file between two uses
 * is ever closed, and every use ends with the data synced (the caller's
 * flush), so closing one loses nothing. When all `capacity` files are in use
 * at once, the next use waits for one to end.
 */
export class OpenLogFiles {
  /** Open files not in use, least recently used first. */
  private readonly idle = new Map<LogFileSlot, FileHandle>();
  /** Files open now, in use or idle, plus ones being opened. */
  private open = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('OpenLogFiles needs room for at least one file');
  }

  /** Files open now (for tests and health reports). */
  get openCount(): number {
    return this.open;
  }

  /**
   * Runs `task` with the slot's file open for appending. A slot must not be
   * used twice at once (each board runs its file work one task at a time).
   */
  async use<T>(slot: LogFileSlot, task: (handle: FileHandle) => Promise<T>): Promise<T> {
    let handle = this.idle.get(slot);
    if (handle) this.idle.delete(slot);
    else handle = await this.openFor(slot);
    try {
      return await task(handle);
    } finally {
      this.idle.set(slot, handle);
      // Someone may be waiting for any file to become idle, to close it and take its place.
      this.waiting.shift()?.();
    }
  }

  /** Closes the slot's file if it is open: the log was replaced, or the board is closing. */
  async release(slot: LogFileSlot): Promise<void> {
    const handle = this.idle.get(slot);
    if (!handle) return;
    this.idle.delete(slot);
    try {
      await handle.close();
    } finally {
      this.open -= 1;
      this.waiting.shift()?.();
    }
  }

  private async openFor(slot: LogFileSlot): Promise<FileHandle> {
    await this.reserve();
    try {
      // Append, but never create: a log that vanished must fail the board, not restart headerless.
      return await fs.open(slot.path, constants.O_WRONLY | constants.O_APPEND);
    } catch (error) {
      this.open -= 1;
      this.waiting.shift()?.();
      throw error;
    }
  }

  /** Takes a place for one more open file: a free one, the least recently used idle file's, or the next to free up. */
  private async reserve(): Promise<void> {
    for (;;) {
      if (this.open < this.capacity) {
        this.open += 1;
        return;
      }
      const oldest = this.idle.entries().next();
      if (!oldest.done) {
        const [slot, handle] = oldest.value;
        this.idle.delete(slot);
        // Its place passes to the caller; closing an idle, synced file loses nothing.
        await handle.close().catch(() => undefined);
        return;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}
