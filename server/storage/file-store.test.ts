import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelayError } from '../../shared/protocol';
import { FileBoardStore } from './file-store';
import { ShapeEditor, boardDir, collectingLogger, makeTempDir, removeTempDir, shapesOf } from './test-support';

let dataDir: string;
let store: FileBoardStore;
let events: ReturnType<typeof collectingLogger>['events'];

beforeEach(async () => {
  dataDir = await makeTempDir();
  const logging = collectingLogger();
  events = logging.events;
  store = await FileBoardStore.create(dataDir, { logger: logging.logger });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  await removeTempDir(dataDir);
});

/** The prototype every real `FileHandle` shares, to count its calls. */
async function fileHandlePrototype(): Promise<fs.FileHandle> {
  const probe = await fs.open(path.join(dataDir, 'probe'), 'w');
  await probe.close();
  return Object.getPrototypeOf(probe) as fs.FileHandle;
}

describe('FileBoardStore: creating and reopening boards', () => {
  it('creates a new board with meta.json and an empty first log', async () => {
    const board = await store.open('fresh');
    expect(shapesOf(board.doc)).toEqual({});
    expect(board.storage.logBytes).toBe(0);

    const dir = boardDir(dataDir, 'fresh');
    expect((await fs.readdir(dir)).sort()).toEqual(['log-0000000000.bin', 'meta.json']);
    const meta: unknown = JSON.parse(await fs.readFile(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 1, epoch: board.epoch });
    expect((await fs.readFile(path.join(dir, 'log-0000000000.bin'))).subarray(0, 8).toString()).toBe('EASELLOG');
    expect(events.map((e) => e.event)).toContain('board-created');
    await board.storage.close();
  });

  it('round-trips appended updates through close and reopen with the same epoch', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('roundtrip');
    await Promise.all([board.storage.append(editor.setShape('a', 1)), board.storage.append(editor.setShape('b', 2))]);
    await board.storage.append(editor.setShape('a', 3));
    const logBytes = board.storage.logBytes;
    expect(logBytes).toBeGreaterThan(0);
    await board.storage.close();

    const reopened = await store.open('roundtrip');
    expect(reopened.epoch).toBe(board.epoch);
    expect(shapesOf(reopened.doc)).toEqual(shapesOf(editor.doc));
    expect(Y.encodeStateVector(reopened.doc)).toEqual(Y.encodeStateVector(editor.doc));
    expect(reopened.storage.logBytes).toBe(logBytes);
    expect(events.find((e) => e.event === 'board-loaded')?.details).toMatchObject({ boardId: 'roundtrip', records: 3 });
    await reopened.storage.close();
  });

  it('gives different boards different epochs', async () => {
    const first = await store.open('one');
    const second = await store.open('two');
    expect(first.epoch).not.toBe(second.epoch);
    await Promise.all([first.storage.close(), second.storage.close()]);
  });

  it('loads a board whose creation stopped after meta.json, adding its first log', async () => {
    const board = await store.open('half-made');
    await board.storage.close();
    const dir = boardDir(dataDir, 'half-made');
    await fs.rm(path.join(dir, 'log-0000000000.bin'));

    const reopened = await store.open('half-made');
    expect(reopened.epoch).toBe(board.epoch);
    await reopened.storage.append(new ShapeEditor().setShape('x'));
    await reopened.storage.close();
    expect(await fs.readdir(dir)).toContain('log-0000000000.bin');
  });

  it('creates a board in a folder holding only temp-file leftovers', async () => {
    const dir = boardDir(dataDir, 'leftovers');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'meta.json.tmp'), '{"form');
    const board = await store.open('leftovers');
    expect(shapesOf(board.doc)).toEqual({});
    expect(events.map((e) => e.event)).toContain('board-created');
    await board.storage.close();
  });

  it('refuses an invalid board id without touching the file system', async () => {
    for (const badId of ['', '../escape', 'a/b', 'dot.dot', 'x'.repeat(65)]) {
      await expect(store.open(badId)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await fs.readdir(path.join(dataDir, 'boards'))).toEqual([]);
  });

  it('refuses to open a board that is already open, and opens it again once closed', async () => {
    const board = await store.open('single-writer');
    await expect(store.open('single-writer')).rejects.toThrow(/already open/);
    await board.storage.close();
    const again = await store.open('single-writer');
    await again.storage.close();
  });

  it('rejects appends and compactions after close', async () => {
    const board = await store.open('closed');
    await board.storage.close();
    const append = board.storage.append(new ShapeEditor().setShape('late'));
    await expect(append).rejects.toBeInstanceOf(RelayError);
    await expect(append).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'board is closed' });
    await expect(board.storage.compact(() => new Uint8Array())).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('writes appends made just before close', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('close-flushes');
    const append = board.storage.append(editor.setShape('last-second'));
    await board.storage.close();
    await append;
    const reopened = await store.open('close-flushes');
    expect(shapesOf(reopened.doc)).toEqual(shapesOf(editor.doc));
    await reopened.storage.close();
  });

  it('closes boards still open when the store closes', async () => {
    const board = await store.open('left-open');
    const append = board.storage.append(new ShapeEditor().setShape('s'));
    await store.close();
    await append;
    await expect(board.storage.append(new ShapeEditor().setShape('t'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    await expect(store.open('left-open')).rejects.toThrow(/closed/);
    store = await FileBoardStore.create(dataDir);
  });
});

describe('FileBoardStorage: group commit', () => {
  it('writes every append of one tick with one write and one datasync', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('group');
    const proto = await fileHandlePrototype();
    const datasync = vi.spyOn(proto, 'datasync');
    const write = vi.spyOn(proto, 'write');

    const appends = Array.from({ length: 50 }, (_, i) => board.storage.append(editor.setShape(`s${i}`, i)));
    await Promise.all(appends);
    expect(datasync).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledTimes(1);

    await board.storage.append(editor.setShape('next-tick'));
    expect(datasync).toHaveBeenCalledTimes(2);
    await board.storage.close();

    const reopened = await store.open('group');
    expect(Object.keys(shapesOf(reopened.doc))).toHaveLength(51);
    await reopened.storage.close();
  });

  it('never overlaps flushes: appends made during a flush wait for the next one', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('serial');
    const proto = await fileHandlePrototype();
    const realDatasync = proto.datasync;
    let inFlight = 0;
    let maxInFlight = 0;
    // The first datasync blocks until released, so "during" is certain, not a matter of timing.
    let releaseFirstSync: () => void = () => undefined;
    const firstSyncReleased = new Promise<void>((resolve) => (releaseFirstSync = resolve));
    let firstSyncStarted: () => void = () => undefined;
    const firstSyncRunning = new Promise<void>((resolve) => (firstSyncStarted = resolve));
    const datasync = vi.spyOn(proto, 'datasync').mockImplementation(async function (this: fs.FileHandle) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (datasync.mock.calls.length === 1) {
          firstSyncStarted();
          await firstSyncReleased;
        }
        return await realDatasync.call(this);
      } finally {
        inFlight -= 1;
      }
    });

    const first = board.storage.append(editor.setShape('first'));
    await firstSyncRunning;
    const during = [board.storage.append(editor.setShape('during-1'))];
    await new Promise((resolve) => setImmediate(resolve));
    during.push(board.storage.append(editor.setShape('during-2')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(datasync).toHaveBeenCalledTimes(1);
    releaseFirstSync();
    await Promise.all([first, ...during]);

    expect(maxInFlight).toBe(1);
    // Both appends made during the first flush share the second one.
    expect(datasync).toHaveBeenCalledTimes(2);
    await board.storage.flush();
    await board.storage.close();
  });

  it('flush() resolves once everything appended so far is durable', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('flush');
    let acknowledged = false;
    void board.storage.append(editor.setShape('a')).then(() => (acknowledged = true));
    await board.storage.flush();
    expect(acknowledged).toBe(true);
    expect(board.storage.logBytes).toBeGreaterThan(0);
    await board.storage.close();
  });

  it('fails that append and every later one once a write fails; a reopen recovers', async () => {
    const editor = new ShapeEditor();
    const board = await store.open('broken');
    await board.storage.append(editor.setShape('kept'));
    const proto = await fileHandlePrototype();
    vi.spyOn(proto, 'write').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));

    const failing = [board.storage.append(editor.setShape('lost-1')), board.storage.append(editor.setShape('lost-2'))];
    for (const append of failing) await expect(append).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(board.storage.append(editor.setShape('after'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(board.storage.flush()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(board.storage.compact(() => Y.encodeStateAsUpdate(editor.doc))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(events.find((e) => e.event === 'board-unavailable')?.details.reason).toMatch(/EIO/);
    await board.storage.close();

    vi.restoreAllMocks();
    const reopened = await store.open('broken');
    expect(shapesOf(reopened.doc)).toHaveProperty('kept');
    await reopened.storage.append(editor.setShape('works-again'));
    await reopened.storage.close();
  });
});
