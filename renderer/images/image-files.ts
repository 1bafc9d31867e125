/**
 * The images of one relay kept on this device (docs/ARCHITECTURE.md#images), in IndexedDB beside
 * the boards' local copies: every file pasted, dropped or fetched here, so a board with images
 * opens and draws offline, and the queue of images waiting for their upload, so one added
 * offline reaches the relay (file first, then its shape) after a reload too.
 *
 * - One database per relay origin, `easel-files:<origin>`: stores `files` (by SHA-256) and
 *   `pending` (in the order they were added; each holds the image shape to write once its file
 *   is on the relay).
 * - Bounded: at most MAX_KEPT_FILES files (the oldest not waiting for an upload go first) and
 *   MAX_PENDING_IMAGES waiting images.
 * - Without IndexedDB (or once it fails) the same interface works in memory for the page's life.
 */
import { imageShapeSchema, type ImageMimeType } from '../../shared/model';
import type { DraftOf } from '../shapes';

export interface StoredImageFile {
  sha256: string;
  mime: ImageMimeType;
  bytes: Uint8Array;
  /** When it was stored (ms since the epoch): the oldest go first when the store is full. */
  storedAt: number;
}

export type PendingShape = DraftOf<'image'>;

export interface PendingImage {
  /** Queue position: lower was added first. */
  key: number;
  boardId: string;
  shape: PendingShape;
}

export interface ImageFileStore {
  get(sha256: string): Promise<StoredImageFile | undefined>;
  put(file: StoredImageFile): Promise<void>;
  /** Queues an image shape to write once its file is uploaded; false when the queue is full. */
  addPending(boardId: string, shape: PendingShape): Promise<boolean>;
  /** The board's waiting images, first added first; entries that fail the schema are dropped. */
  pending(boardId: string): Promise<PendingImage[]>;
  removePending(keys: readonly number[]): Promise<void>;
  close(): void;
}

export const MAX_KEPT_FILES = 1_000;
export const MAX_PENDING_IMAGES = 200;

const FILES = 'files';
const PENDING = 'pending';
const pendingShapeSchema = imageShapeSchema.omit({ index: true });

export function imageDatabaseName(relayUrl: string): string {
  let relay = relayUrl;
  try {
    relay = new URL(relayUrl).origin;
  } catch {
    // Not a URL: the string itself still tells relays apart.
  }
  return `easel-files:${relay}`;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens the relay's image store; falls back to memory when IndexedDB cannot be used. */
export async function openImageFileStore(relayUrl: string): Promise<ImageFileStore> {
  if (typeof indexedDB === 'undefined') return memoryImageFileStore();
  try {
    const request = indexedDB.open(imageDatabaseName(relayUrl), 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(FILES, { keyPath: 'sha256' }).createIndex('storedAt', 'storedAt');
      db.createObjectStore(PENDING, { keyPath: 'key', autoIncrement: true }).createIndex('boardId', 'boardId');
    };
    return new IndexedDbImageFiles(await done(request));
  } catch (error) {
    console.warn('[easel] images are kept in memory only: IndexedDB did not open', error);
    return memoryImageFileStore();
  }
}

class IndexedDbImageFiles implements ImageFileStore {
  constructor(private readonly db: IDBDatabase) {}

  async get(sha256: string): Promise<StoredImageFile | undefined> {
    const tx = this.db.transaction(FILES, 'readonly');
    return (await done(tx.objectStore(FILES).get(sha256))) as StoredImageFile | undefined;
  }

  async put(file: StoredImageFile): Promise<void> {
    const tx = this.db.transaction([FILES, PENDING], 'readwrite');
    const files = tx.objectStore(FILES);
    files.put(file);
    const count = await done(files.count());
    if (count > MAX_KEPT_FILES) await this.evictOldest(tx, count - MAX_KEPT_FILES, file.sha256);
    await committed(tx);
  }

  /** Deletes the `excess` oldest files, keeping `keep` and every file an image still waits on. */
  private async evictOldest(tx: IDBTransaction, excess: number, keep: string): Promise<void> {
    const waiting = new Set(
      ((await done(tx.objectStore(PENDING).getAll())) as { shape: { sha256: string } }[]).map((p) => p.shape.sha256),
    );
    const cursor = tx.objectStore(FILES).index('storedAt').openCursor();
    let left = excess;
    await new Promise<void>((resolve, reject) => {
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || left === 0) return resolve();
        const sha256 = (at.value as StoredImageFile).sha256;
        if (sha256 !== keep && !waiting.has(sha256)) {
          at.delete();
          left--;
        }
        at.continue();
      };
    });
  }

  async addPending(boardId: string, shape: PendingShape): Promise<boolean> {
    const tx = this.db.transaction(PENDING, 'readwrite');
    const store = tx.objectStore(PENDING);
    if ((await done(store.count())) >= MAX_PENDING_IMAGES) return false;
    store.add({ boardId, shape });
    await committed(tx);
    return true;
  }

  async pending(boardId: string): Promise<PendingImage[]> {
    const tx = this.db.transaction(PENDING, 'readonly');
    const rows = (await done(tx.objectStore(PENDING).index('boardId').getAll(boardId))) as unknown[];
    return readPending(rows).sort((a, b) => a.key - b.key);
  }

  async removePending(keys: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    const tx = this.db.transaction(PENDING, 'readwrite');
    for (const key of keys) tx.objectStore(PENDING).delete(key);
    await committed(tx);
  }

  close(): void {
    this.db.close();
  }
}

function readPending(rows: readonly unknown[]): PendingImage[] {
  return rows.flatMap((row) => {
    const { key, boardId, shape } = (row ?? {}) as { key?: unknown; boardId?: unknown; shape?: unknown };
    const parsed = pendingShapeSchema.safeParse(shape);
    if (typeof key !== 'number' || typeof boardId !== 'string' || !parsed.success) return [];
    return [{ key, boardId, shape: parsed.data }];
  });
}

/** The same store in memory: for a browser without IndexedDB, and for tests of what uses it. */
export function memoryImageFileStore(): ImageFileStore {
  const files = new Map<string, StoredImageFile>();
  const queue: PendingImage[] = [];
  let nextKey = 1;
  return {
    get: async (sha256) => files.get(sha256),
    async put(file) {
      files.set(file.sha256, file);
      const waiting = new Set(queue.map((item) => item.shape.sha256));
      const oldest = [...files.values()].sort((a, b) => a.storedAt - b.storedAt);
      for (const each of oldest) {
        if (files.size <= MAX_KEPT_FILES) break;
        if (each.sha256 !== file.sha256 && !waiting.has(each.sha256)) files.delete(each.sha256);
      }
    },
    async addPending(boardId, shape) {
      if (queue.length >= MAX_PENDING_IMAGES) return false;
      queue.push({ key: nextKey++, boardId, shape });
      return true;
    },
    pending: async (boardId) => queue.filter((item) => item.boardId === boardId),
    async removePending(keys) {
      for (const key of keys) {
        const at = queue.findIndex((item) => item.key === key);
        if (at >= 0) queue.splice(at, 1);
      }
    },
    close() {},
  };
}
