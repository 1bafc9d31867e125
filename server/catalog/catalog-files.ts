/**
 * The catalog's files, next to each board's own (docs/ARCHITECTURE.md#storage):
 *
 * `<dataDir>/boards/<storage name>/` (see server/storage/board-storage-name.ts)
 * - `catalog.json` — `{"name": string | null, "updatedAt": ISO date}`, the
 *   board's name and last change, so the home screen lists boards without
 *   loading their docs. Boards written before it existed are listed with no
 *   name and the newest mtime of their files.
 * - `thumbnail.png` — a small picture of the board the desktop renderer sends.
 *
 * `<dataDir>/trash/<storage name>/` — a deleted board's folder, moved whole,
 * plus `deleted.json` (`{"deletedAt", "name"}`). Restoring moves it back. A
 * folder there without a readable `deleted.json` is listed (with its files'
 * newest time) but never purged: only the record proves its age.
 *
 * Every file is written atomically (temp file, fsync, rename, fsync dir); the
 * board loader ignores these names, and cleans up their `.tmp` leftovers.
 */
import pLimit from 'p-limit';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BoardSummary, TrashedBoard } from '../../shared/catalog';
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import { boardIdFromStorageName, boardStorageName } from '../storage/board-storage-name';
import { MAX_CONCURRENT_FILE_WORK } from '../storage/file-store';
import { fsyncDirectory, isErrnoException, writeFileAtomically } from '../storage/fs-durable';
import { META_FILE } from '../storage/record-codec';

export const CATALOG_FILE = 'catalog.json';
export const THUMBNAIL_FILE = 'thumbnail.png';
export const DELETED_FILE = 'deleted.json';

const sidecarSchema = z.object({ name: z.string().nullable(), updatedAt: z.iso.datetime() });
export type CatalogEntry = z.infer<typeof sidecarSchema>;

const deletedSchema = z.object({ name: z.string().nullable(), deletedAt: z.iso.datetime() });

/** A restore found a board with the same id already there. */
export class BoardExistsError extends Error {}
/** No such board (or no such deleted board). */
export class BoardMissingError extends Error {}

export class CatalogFiles {
  readonly boardsDir: string;
  readonly trashDir: string;
  private readonly writing = pLimit(MAX_CONCURRENT_FILE_WORK);

  constructor(dataDir: string) {
    this.boardsDir = path.resolve(dataDir, 'boards');
    this.trashDir = path.resolve(dataDir, 'trash');
  }

  /** Whether a board's files exist (its meta.json is written first, when it is created). */
  async exists(boardId: string): Promise<boolean> {
    return fileExists(path.join(this.boardDir(boardId), META_FILE));
  }

  async writeEntry(boardId: string, entry: CatalogEntry): Promise<void> {
    // A thousand boards edited in one interval write their sidecars a few at a time, not a thousand files at once.
    await this.writing(() =>
      writeFileAtomically(this.boardDir(boardId), CATALOG_FILE, Buffer.from(JSON.stringify(entry))),
    );
  }

  /** Every board on disk, unsorted; `fresher` overrides what the sidecars say (changes not written yet). */
  async list(fresher: (boardId: string) => CatalogEntry | undefined = () => undefined): Promise<BoardSummary[]> {
    const ids = await boardIdsIn(this.boardsDir);
    const summaries = await Promise.all(
      ids.map(async (id): Promise<BoardSummary | undefined> => {
        const dir = this.boardDir(id);
        if (!(await fileExists(path.join(dir, META_FILE)))) return undefined;
        const entry = fresher(id) ?? (await readEntry(dir));
        return { id, ...entry, thumbnail: await fileExists(path.join(dir, THUMBNAIL_FILE)) };
      }),
    );
    return summaries.filter((summary) => summary !== undefined);
  }

  async summary(boardId: string, fresher?: CatalogEntry): Promise<BoardSummary> {
    const dir = this.boardDir(boardId);
    if (!(await fileExists(path.join(dir, META_FILE)))) throw new BoardMissingError(`no board ${boardId}`);
    const entry = fresher ?? (await readEntry(dir));
    return { id: boardId, ...entry, thumbnail: await fileExists(path.join(dir, THUMBNAIL_FILE)) };
  }

  async writeThumbnail(boardId: string, png: Uint8Array): Promise<void> {
    await writeFileAtomically(this.boardDir(boardId), THUMBNAIL_FILE, png);
  }

  /** The thumbnail's bytes, or undefined when the board has none. */
  async readThumbnail(boardId: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(path.join(this.boardDir(boardId), THUMBNAIL_FILE));
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return undefined;
      throw error;
    }
  }

  /** Moves a closed board's folder into the trash, recording when and under which name. */
  async moveToTrash(boardId: string, name: string | null, now = new Date()): Promise<TrashedBoard> {
    const from = this.boardDir(boardId);
    const to = this.trashedDir(boardId);
    if (!(await fileExists(path.join(from, META_FILE)))) throw new BoardMissingError(`no board ${boardId}`);
    const deletedAt = now.toISOString();
    await writeFileAtomically(from, DELETED_FILE, Buffer.from(JSON.stringify({ name, deletedAt })));
    await fs.mkdir(this.trashDir, { recursive: true });
    // One deleted copy per id: deleted boards cannot be joined, so an older one is only a leftover.
    await fs.rm(to, { recursive: true, force: true });
    await fs.rename(from, to);
    await fsyncDirectory(this.boardsDir);
    await fsyncDirectory(this.trashDir);
    return { id: boardId, name, deletedAt, thumbnail: await fileExists(path.join(to, THUMBNAIL_FILE)) };
  }

  /** Moves a deleted board back. Throws BoardExistsError when the id is taken, BoardMissingError when not in the trash. */
  async restore(boardId: string): Promise<void> {
    const from = this.trashedDir(boardId);
    const to = this.boardDir(boardId);
    if (!(await fileExists(path.join(from, META_FILE)))) throw new BoardMissingError(`no deleted board ${boardId}`);
    if (await fileExists(to)) throw new BoardExistsError(`a board ${boardId} exists again`);
    await fs.rename(from, to);
    await fsyncDirectory(this.trashDir);
    await fsyncDirectory(this.boardsDir);
    await fs.rm(path.join(to, DELETED_FILE), { force: true });
  }

  async listTrash(): Promise<TrashedBoard[]> {
    const ids = await boardIdsIn(this.trashDir);
    return Promise.all(ids.map(async (id) => (await this.trashed(id)).board));
  }

  /**
   * Removes deleted boards whose `deleted.json` says they were deleted more than
   * `retentionMs` ago; returns the ids still in the trash. A board without that
   * record is kept whatever its files' age: deleting a board's only copy needs proof.
   */
  async purgeTrash(retentionMs: number, now = Date.now()): Promise<{ kept: string[]; purged: string[] }> {
    const kept: string[] = [];
    const purged: string[] = [];
    for (const id of await boardIdsIn(this.trashDir)) {
      const { board, recorded } = await this.trashed(id);
      if (recorded && now - Date.parse(board.deletedAt) > retentionMs) {
        await fs.rm(this.trashedDir(id), { recursive: true, force: true });
        purged.push(id);
      } else {
        kept.push(id);
      }
    }
    return { kept, purged };
  }

  /** A deleted board, and whether its deletion time is recorded (deleted.json) or only guessed. */
  private async trashed(id: string): Promise<{ board: TrashedBoard; recorded: boolean }> {
    const dir = this.trashedDir(id);
    const parsed = deletedSchema.safeParse(await readJson(path.join(dir, DELETED_FILE)));
    // Without its record (a crash between writing it and the move cannot leave that; a hand-made folder can), the folder's time stands in.
    const deleted = parsed.success
      ? parsed.data
      : { name: null, deletedAt: (await newestMtime(dir)) ?? new Date(0).toISOString() };
    const board = { id, ...deleted, thumbnail: await fileExists(path.join(dir, THUMBNAIL_FILE)) };
    return { board, recorded: parsed.success };
  }

  private boardDir(boardId: string): string {
    // The id becomes a path component: one unchecked `..` would reach outside the data dir.
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error(`invalid board id ${JSON.stringify(boardId).slice(0, 80)}`);
    return path.join(this.boardsDir, boardStorageName(boardId));
  }

  private trashedDir(boardId: string): string {
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error(`invalid board id ${JSON.stringify(boardId).slice(0, 80)}`);
    return path.join(this.trashDir, boardStorageName(boardId));
  }
}

async function readEntry(dir: string): Promise<CatalogEntry> {
  const parsed = sidecarSchema.safeParse(await readJson(path.join(dir, CATALOG_FILE)));
  if (parsed.success) return parsed.data;
  return { name: null, updatedAt: (await newestMtime(dir)) ?? new Date(0).toISOString() };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function boardIdsIn(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.flatMap((entry) => {
      const id = entry.isDirectory() ? boardIdFromStorageName(entry.name) : undefined;
      return id === undefined ? [] : [id];
    });
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return [];
    throw error;
  }
}

/** The newest modification time of the board's data files, as an ISO date. */
async function newestMtime(dir: string): Promise<string | undefined> {
  let newest = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name === THUMBNAIL_FILE) continue;
    const stat = await fs.stat(path.join(dir, name)).catch(() => undefined);
    if (stat?.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest > 0 ? new Date(newest).toISOString() : undefined;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
