import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { imageDatabaseName, MAX_KEPT_FILES, openImageFileStore, type PendingShape } from './image-files';

const { index: _index, ...shape } = exampleShape('image');
const pendingShape = (sha: string): PendingShape => ({ ...shape, id: `img-${sha}`, sha256: sha.repeat(64) });
const file = (sha: string, storedAt = 0) => ({
  sha256: sha.repeat(64),
  mime: 'image/png' as const,
  bytes: new Uint8Array([1, 2, 3]),
  storedAt,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('image file store (IndexedDB)', () => {
  it('names one database per relay origin', () => {
    expect(imageDatabaseName('http://127.0.0.1:4000/some/path')).toBe('easel-files:http://127.0.0.1:4000');
  });

  it('keeps files across opens, bytes intact', async () => {
    const first = await openImageFileStore('http://relay.test');
    await first.put(file('a'));
    first.close();
    const again = await openImageFileStore('http://relay.test');
    expect(await again.get('a'.repeat(64))).toEqual(file('a'));
    expect(await again.get('b'.repeat(64))).toBeUndefined();
    again.close();
  });

  it('hands back a board’s waiting images in the order they were added, across opens', async () => {
    const store = await openImageFileStore('http://relay.test');
    expect(await store.addPending('board-1', pendingShape('a'))).toBe(true);
    expect(await store.addPending('board-2', pendingShape('b'))).toBe(true);
    expect(await store.addPending('board-1', pendingShape('c'))).toBe(true);
    store.close();
    const again = await openImageFileStore('http://relay.test');
    const waiting = await again.pending('board-1');
    expect(waiting.map((item) => item.shape.id)).toEqual(['img-a', 'img-c']);
    await again.removePending([waiting[0]!.key]);
    expect((await again.pending('board-1')).map((item) => item.shape.id)).toEqual(['img-c']);
    again.close();
  });

  it('drops the oldest files past its bound, never one an image still waits on', async () => {
    const store = await openImageFileStore('http://relay.test');
    await store.addPending('board-1', pendingShape('0'));
    await store.put({ ...file('0', 0), sha256: '0'.repeat(64) });
    for (let i = 1; i <= MAX_KEPT_FILES; i++) {
      await store.put({ ...file('x', i), sha256: i.toString(16).padStart(64, '0') });
    }
    expect(await store.get('0'.repeat(64))).toBeDefined(); // waiting: kept
    expect(await store.get((1).toString(16).padStart(64, '0'))).toBeUndefined(); // oldest other: gone
    expect(await store.get(MAX_KEPT_FILES.toString(16).padStart(64, '0'))).toBeDefined();
    store.close();
  });
});
