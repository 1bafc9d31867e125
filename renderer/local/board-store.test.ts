import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  LOCAL_LOAD_TIMEOUT_MS,
  type LocalBoardStore,
  type LocalBoardStoreOptions,
  localDatabaseName,
  openLocalBoardStore,
} from './board-store';

const RELAY = 'http://127.0.0.1:4455';
const OTHER_RELAY = 'http://relay.example:4455';

let warnings: string[];
const stores: LocalBoardStore[] = [];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  warnings = [];
});

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function open(options: Omit<LocalBoardStoreOptions, 'doc' | 'warn'> & { doc?: Y.Doc }) {
  const doc = options.doc ?? new Y.Doc();
  const store = await openLocalBoardStore({ ...options, doc, warn: (message) => warnings.push(message) });
  stores.push(store);
  return { doc, store };
}

const shapes = (doc: Y.Doc) => doc.getMap<unknown>('shapes');

describe('the board copy on this device', () => {
  it('names one database per relay origin and board', () => {
    expect(localDatabaseName('http://127.0.0.1:4455', 'retro')).toBe('easel:http://127.0.0.1:4455:retro');
    expect(localDatabaseName('http://127.0.0.1:4455/', 'retro')).toBe(localDatabaseName(RELAY, 'retro'));
    expect(localDatabaseName('http://127.0.0.1:4456', 'retro')).not.toBe(localDatabaseName(RELAY, 'retro'));
  });

  it('loads into a new doc what an earlier doc stored, with the relay epoch', async () => {
    const first = await open({ relayUrl: RELAY, boardId: 'kept' });
    expect(first.store.kind).toBe('indexeddb');
    expect(first.store.knownEpoch).toBeUndefined();
    shapes(first.doc).set('a', { type: 'rect', x: 1 });
    shapes(first.doc).set('b', { type: 'note', text: 'hi' });
    first.store.rememberEpoch('epoch-1');
    await first.store.close();

    const second = await open({ relayUrl: RELAY, boardId: 'kept' });
    // Loaded before openLocalBoardStore resolved: a join made now sends the relay only what it lacks.
    expect(shapes(second.doc).toJSON()).toEqual({ a: { type: 'rect', x: 1 }, b: { type: 'note', text: 'hi' } });
    expect(second.store.knownEpoch).toBe('epoch-1');
    expect(warnings).toEqual([]);
  });

  it('keeps the same board id on two relays apart', async () => {
    const here = await open({ relayUrl: RELAY, boardId: 'same-id' });
    const there = await open({ relayUrl: OTHER_RELAY, boardId: 'same-id' });
    shapes(here.doc).set('here', 1);
    shapes(there.doc).set('there', 2);
    here.store.rememberEpoch('epoch-here');
    await here.store.close();
    await there.store.close();

    const hereAgain = await open({ relayUrl: RELAY, boardId: 'same-id' });
    const thereAgain = await open({ relayUrl: OTHER_RELAY, boardId: 'same-id' });
    expect(shapes(hereAgain.doc).toJSON()).toEqual({ here: 1 });
    expect(shapes(thereAgain.doc).toJSON()).toEqual({ there: 2 });
    expect(hereAgain.store.knownEpoch).toBe('epoch-here');
    expect(thereAgain.store.knownEpoch).toBeUndefined();
  });

  it('says when a change is not yet committed, and when it is', async () => {
    const { doc, store } = await open({ relayUrl: RELAY, boardId: 'commit' });
    expect(store.allChangesStored()).toBe(true);
    shapes(doc).set('a', 1);
    expect(store.allChangesStored()).toBe(false);
    await vi.waitFor(() => expect(store.allChangesStored()).toBe(true));
  });

  it('stops opening, without a warning, when the board is left first', async () => {
    const first = await open({ relayUrl: RELAY, boardId: 'left' });
    shapes(first.doc).set('a', 1);
    await first.store.close();

    const leftBefore = new AbortController();
    leftBefore.abort(new Error('left before'));
    const before = openLocalBoardStore({
      relayUrl: RELAY,
      boardId: 'left',
      doc: new Y.Doc(),
      signal: leftBefore.signal,
    });
    await expect(before).rejects.toThrow('left before');

    const leftWhileProbing = new AbortController();
    const doc = new Y.Doc();
    const probing = openLocalBoardStore({ relayUrl: RELAY, boardId: 'left', doc, signal: leftWhileProbing.signal });
    leftWhileProbing.abort(new Error('left while probing'));
    await expect(probing).rejects.toThrow('left while probing');
    shapes(doc).set('b', 2); // not stored: nothing of that open writes

    const again = await open({ relayUrl: RELAY, boardId: 'left' });
    expect(shapes(again.doc).toJSON()).toEqual({ a: 1 });
    expect(warnings).toEqual([]);
  });

  it('does not store changes it loaded itself again', async () => {
    const first = await open({ relayUrl: RELAY, boardId: 'no-echo' });
    shapes(first.doc).set('a', 1);
    await first.store.close();
    const second = await open({ relayUrl: RELAY, boardId: 'no-echo' });
    expect(second.store.allChangesStored()).toBe(true);
  });
});

describe('without a working IndexedDB the board works online only', () => {
  it('when the browser has no IndexedDB at all', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    const { doc, store } = await open({ relayUrl: RELAY, boardId: 'none' });
    expect(store.kind).toBe('online-only');
    expect(store.allChangesStored()).toBe(false);
    shapes(doc).set('a', 1);
    expect(shapes(doc).get('a')).toBe(1);
    expect(warnings).toEqual([
      'Easel: board none is not kept on this device (IndexedDB is unavailable); it works online only.',
    ]);
  });

  it('when opening a database throws (private mode, insecure origin)', async () => {
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { store } = await open({ relayUrl: RELAY, boardId: 'throws' });
    expect(store.kind).toBe('online-only');
    expect(warnings).toHaveLength(1);
  });

  it('when opening a database fails (quota)', async () => {
    globalThis.indexedDB = failingFactory(new DOMException('Quota exceeded.', 'QuotaExceededError'));
    const { doc, store } = await open({ relayUrl: RELAY, boardId: 'quota' });
    expect(store.kind).toBe('online-only');
    expect(store.knownEpoch).toBeUndefined();
    store.rememberEpoch('ignored');
    shapes(doc).set('a', 1);
    expect(warnings).toEqual([
      'Easel: board quota is not kept on this device (IndexedDB is unavailable); it works online only.',
    ]);
  });

  it('when the board does not load in time', async () => {
    const real = new IDBFactory();
    let opens = 0;
    // The probe's open answers; y-indexeddb's never does, as with a database blocked by another tab.
    globalThis.indexedDB = {
      open: (name: string) => (++opens === 1 ? real.open(name) : ({} as IDBOpenDBRequest)),
    } as unknown as IDBFactory;
    const { doc, store } = await open({ relayUrl: RELAY, boardId: 'hangs', loadTimeoutMs: 50 });
    expect(store.kind).toBe('online-only');
    expect(warnings[0]).toContain('did not load the board in time');
    shapes(doc).set('a', 1);
    expect(shapes(doc).get('a')).toBe(1);
  });

  it('unless the board is left while it waits: then it stops waiting at once, without a warning', async () => {
    const real = new IDBFactory();
    let opens = 0;
    globalThis.indexedDB = {
      open: (name: string) => (++opens === 1 ? real.open(name) : ({} as IDBOpenDBRequest)),
    } as unknown as IDBFactory;
    const left = new AbortController();
    const opening = openLocalBoardStore({
      relayUrl: RELAY,
      boardId: 'left-waiting',
      doc: new Y.Doc(),
      signal: left.signal,
    });
    setTimeout(() => left.abort(new Error('left the board')), 20);
    const started = performance.now();
    await expect(opening).rejects.toThrow('left the board');
    expect(performance.now() - started).toBeLessThan(LOCAL_LOAD_TIMEOUT_MS / 2);
    expect(warnings).toEqual([]);
  });

  it('when the database goes away while the board is open, without breaking edits', async () => {
    const { doc, store } = await open({ relayUrl: RELAY, boardId: 'deleted' });
    const seenByOthers: number[] = [];
    doc.on('update', () => seenByOthers.push(seenByOthers.length));
    shapes(doc).set('a', 1);
    await vi.waitFor(() => expect(store.allChangesStored()).toBe(true));
    // Another tab clears the site's data: our connection is asked to close, and does.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(localDatabaseName(RELAY, 'deleted'));
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });

    expect(() => shapes(doc).set('b', 2)).not.toThrow();
    expect(shapes(doc).get('b')).toBe(2);
    expect(seenByOthers).toHaveLength(2);
    expect(store.kind).toBe('online-only');
    expect(store.allChangesStored()).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Easel: board deleted is no longer kept on this device \(could not write a change\)/);
  });
});

/** An IndexedDB whose every open fails asynchronously with `error`, as a full disk or some private modes do. */
function failingFactory(error: DOMException): IDBFactory {
  return {
    open: () => {
      const request = { error, onerror: null as (() => void) | null };
      setTimeout(() => request.onerror?.());
      return request;
    },
  } as unknown as IDBFactory;
}
