/**
 * Which boards are locked (everyone but the host is a viewer), kept in
 * `<data-dir>/access/locks.json` so a lock survives a restart:
 *
 *   {"format":1,"locked":["boardId", …]}
 */
import { z } from 'zod';
import { boardIdSchema } from '../../shared/protocol';
import type { Logger } from '../core/types';
import { JsonFile } from './json-file';

export const LOCKS_FILE = 'locks.json';
/** Locked boards one relay remembers at most. */
export const MAX_LOCKED_BOARDS = 10_000;

const locksFileSchema = z.strictObject({
  format: z.literal(1),
  locked: z.array(boardIdSchema).max(MAX_LOCKED_BOARDS),
});

export class BoardLocks {
  private readonly locked = new Set<string>();

  private constructor(private readonly file: JsonFile<z.infer<typeof locksFileSchema>>) {}

  static async open(dir: string | null, log: Logger): Promise<BoardLocks> {
    const file = new JsonFile(dir, LOCKS_FILE, locksFileSchema, log);
    const locks = new BoardLocks(file);
    for (const boardId of (await file.read({ format: 1, locked: [] })).locked) locks.locked.add(boardId);
    return locks;
  }

  isLocked(boardId: string): boolean {
    return this.locked.has(boardId);
  }

  /**
   * Locks or unlocks; resolves once that is on disk. The change holds in
   * memory even if saving fails (the error says so).
   */
  async set(boardId: string, locked: boolean): Promise<void> {
    if (this.locked.has(boardId) === locked) return;
    if (locked && this.locked.size >= MAX_LOCKED_BOARDS) {
      throw new Error(`this relay has ${MAX_LOCKED_BOARDS} locked boards, the most it may; unlock some first`);
    }
    if (locked) this.locked.add(boardId);
    else this.locked.delete(boardId);
    await this.file.save({ format: 1, locked: [...this.locked] });
  }

  async flushed(): Promise<void> {
    await this.file.flushed();
  }
}
