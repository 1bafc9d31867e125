import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Logger } from '../core/types';
import { errorMessage, isErrnoException, writeFileAtomically } from '../storage/fs-durable';

/** Larger files are not ours (or are damaged): they are set aside like any unreadable one. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * One small JSON file of the relay's (passes, locks, a board's join log):
 * read and checked against its schema once, replaced atomically (temp file,
 * fsync, rename, directory fsync) on every save, one save at a time, so two
 * saves never share the temp file and the last one called is the one left.
 *
 * A file that cannot be read as its schema is renamed to
 * `<name>.unreadable-<time>` (never deleted: whoever looks into it keeps it)
 * and the relay starts from `empty`. For passes that fails closed: links stop
 * working, nothing opens a board it should not.
 */
export class JsonFile<T> {
  private saving: Promise<void> = Promise.resolve();

  constructor(
    /** null keeps everything in memory (a relay without a data dir). */
    private readonly dir: string | null,
    private readonly name: string,
    private readonly schema: z.ZodType<T>,
    private readonly log: Logger,
  ) {}

  get path(): string | null {
    return this.dir === null ? null : path.join(this.dir, this.name);
  }

  async read(empty: T): Promise<T> {
    const filePath = this.path;
    if (filePath === null) return empty;
    let text: string;
    try {
      const handle = await fs.open(filePath, 'r');
      try {
        const { size } = await handle.stat();
        if (size > MAX_FILE_BYTES) return await this.setAside(filePath, empty, `over ${MAX_FILE_BYTES} bytes`);
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return empty;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.setAside(filePath, empty, 'not JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) return this.setAside(filePath, empty, parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data;
  }

  /** Resolves once `value` is durably the file's content. */
  save(value: T): Promise<void> {
    const dir = this.dir;
    if (dir === null) return Promise.resolve();
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    const write = async () => {
      await fs.mkdir(dir, { recursive: true });
      await writeFileAtomically(dir, this.name, bytes);
    };
    const next = this.saving.then(write, write);
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** Waits for the saves under way. */
  async flushed(): Promise<void> {
    await this.saving;
  }

  private async setAside(filePath: string, empty: T, why: string): Promise<T> {
    const aside = `${filePath}.unreadable-${Date.now()}`;
    try {
      await fs.rename(filePath, aside);
    } catch (error) {
      throw new Error(`${filePath} is unreadable (${why}) and could not be set aside: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    this.log.error({ file: filePath, setAsideAs: aside, why }, 'unreadable file set aside; starting without it');
    return empty;
  }
}
