import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { type RecentJoin, recentJoinSchema } from '../../../shared/desktop';
import { writeFileAtomic } from '../files/atomic-write';
import { readFileLimited } from '../files/read-limited';

const fileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });
const MAX_FILE_BYTES = 1024 * 1024;
/** The file holds tokens to other people's relays: readable by this user only. */
const FILE_MODE = 0o600;

export interface RecentJoinsOptions {
  max?: number;
  now?: () => Date;
  log?: (event: string, details: Record<string, unknown>) => void;
}

/**
 * The sessions this app joined lately, newest first, in a small JSON file
 * (`{ version: 1, entries }`) under the user-data folder. Entries that do not
 * validate are dropped one by one; a file that is not JSON at all is set
 * aside as `<file>.corrupt-<time>` rather than overwritten, so nothing a
 * person had is destroyed. Writes are atomic and run one at a time. It holds
 * tokens, so it is written with mode 0600, and a file found readable by others
 * (an older version wrote it with the default mode) is narrowed when read.
 */
export class RecentJoins {
  private entries: RecentJoin[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly max: number;
  private readonly now: () => Date;
  private readonly log: NonNullable<RecentJoinsOptions['log']>;

  constructor(
    private readonly file: string,
    options: RecentJoinsOptions = {},
  ) {
    this.max = options.max ?? 20;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  list(): Promise<RecentJoin[]> {
    return this.serially(async () => [...(await this.load())]);
  }

  remember(entry: Omit<RecentJoin, 'lastJoinedAt'>): Promise<RecentJoin[]> {
    return this.serially(async () => {
      const others = (await this.load()).filter((known) => !sameSession(known, entry));
      const added: RecentJoin = { ...entry, lastJoinedAt: this.now().toISOString() };
      return this.save([added, ...others].slice(0, this.max));
    });
  }

  forget(entry: Pick<RecentJoin, 'relayUrl' | 'boardId'>): Promise<RecentJoin[]> {
    return this.serially(async () => this.save((await this.load()).filter((known) => !sameSession(known, entry))));
  }

  private async load(): Promise<RecentJoin[]> {
    if (this.entries) return this.entries;
    this.entries = await this.read();
    return this.entries;
  }

  private async read(): Promise<RecentJoin[]> {
    let text: string;
    try {
      text = new TextDecoder().decode(await readFileLimited(this.file, MAX_FILE_BYTES));
      await this.narrowMode();
    } catch (error) {
      if ((error as { code?: string }).code !== 'NOT_FOUND')
        this.log('recent-joins-unreadable', { error: String(error) });
      return [];
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      const aside = `${this.file}.corrupt-${this.now().getTime()}`;
      await fs.rename(this.file, aside).catch(() => undefined);
      this.log('recent-joins-set-aside', { file: aside });
      return [];
    }
    const entries = parsed.entries.flatMap((entry) => {
      const valid = recentJoinSchema.safeParse(entry);
      return valid.success ? [valid.data] : [];
    });
    if (entries.length < parsed.entries.length) {
      this.log('recent-joins-dropped', { dropped: parsed.entries.length - entries.length });
    }
    return entries.slice(0, this.max);
  }

  private async save(entries: RecentJoin[]): Promise<RecentJoin[]> {
    const text = `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
    await writeFileAtomic(this.file, new TextEncoder().encode(text), { mode: FILE_MODE });
    this.entries = entries;
    return [...entries];
  }

  private async narrowMode(): Promise<void> {
    if (process.platform === 'win32') return;
    const stat = await fs.stat(this.file).catch(() => null);
    if (!stat || (stat.mode & 0o777) === FILE_MODE) return;
    await fs.chmod(this.file, FILE_MODE).catch((error: unknown) => {
      this.log('recent-joins-mode-not-narrowed', { error: String(error) });
    });
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const sameSession = (a: Pick<RecentJoin, 'relayUrl' | 'boardId'>, b: Pick<RecentJoin, 'relayUrl' | 'boardId'>) =>
  a.relayUrl === b.relayUrl && a.boardId === b.boardId;
