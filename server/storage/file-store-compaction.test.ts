import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileBoardStore } from './file-store';
import type { OpenedBoard } from './types';
import { ShapeEditor, boardDir, collectingLogger, makeTempDir, removeTempDir, shapesOf } from './test-support';

const BOARD = 'board';
const LOG_0 = 'log-0000000000.bin';
const LOG_1 = 'log-0000000001.bin';
const LOG_2 = 'log-0000000002.bin';

let dataDir: string;
let dir: string;
let store: FileBoardStore;
let events: ReturnType<typeof collectingLogger>['events'];

beforeEach(async () => {
  dataDir = await makeTempDir();
  dir = boardDir(dataDir, BOARD);
  const logging = collectingLogger();
  events = logging.events;
  store = await FileBoardStore.create(dataDir, { logger: logging.logger });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  await removeTempDir(dataDir);
});

/**
 * The relay's side of a board: applies each client update to the doc, then
 * appends it, as the core does.
 */
class RelayBoard {
  readonly client = new ShapeEditor();
  constructor(readonly opened: OpenedBoard) {}

  edit(id: string, x = 0): Promise<void> {
    const update = this.client.setShape(id, x);
    Y.applyUpdate(this.opened.doc, update);
    return this.opened.storage.append(update);
  }

  compact(): Promise<void> {
    return this.opened.storage.compact(() => Y.encodeStateAsUpdate(this.opened.doc));
  }
}

const files = async (): Promise<string[]> => (await fs.readdir(dir)).sort();
/** Keeps a copy of a board file outside the board's folder, to put back later as a crash would have left it. */
const backUp = (name: string): Promise<void> => fs.copyFile(path.join(dir, name), path.join(dataDir, `backup-${name}`));
const restore = (name: string): Promise<void> =>
  fs.copyFile(path.join(dataDir, `backup-${name}`), path.join(dir, name));

async function reopenShapes(): Promise<Record<string, unknown>> {
  const reopened = await store.open(BOARD);
  const shapes = shapesOf(reopened.doc);
  await reopened.storage.close();
  return shapes;
}

describe('compaction', () => {
  it('snapshots the board, drops the old log and keeps every update', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await Promise.all(['a', 'b', 'c'].map((id, i) => board.edit(id, i)));
    expect(board.opened.storage.logBytes).toBeGreaterThan(0);

    await board.compact();
    expect(board.opened.storage.logBytes).toBe(0);
    expect(await files()).toEqual([LOG_1, 'meta.json', 'snapshot.bin']);
    expect(events.find((e) => e.event === 'compacted')?.details).toMatchObject({ generation: 1, removedLogs: 1 });

    await board.edit('d', 4);
    expect(board.opened.storage.logBytes).toBeGreaterThan(0);
    await board.opened.storage.close();
    expect(await reopenShapes()).toEqual(shapesOf(board.client.doc));
  });

  it('keeps appends made before, during and right after a compaction', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('before', 1);
    const queuedBefore = board.edit('queued-before', 2);
    let duringCapture: Promise<void> | undefined;
    const compaction = board.opened.storage.compact(() => {
      const state = Y.encodeStateAsUpdate(board.opened.doc);
      // Lands in the new log while the snapshot is still being written.
      duringCapture = board.edit('during-capture', 3);
      return state;
    });
    const sameTick = board.edit('same-tick', 4);
    await new Promise((resolve) => setImmediate(resolve));
    const nextTick = board.edit('next-tick', 5);

    await Promise.all([queuedBefore, compaction, sameTick, nextTick, duringCapture]);
    expect(await files()).toEqual([LOG_1, 'meta.json', 'snapshot.bin']);
    await board.opened.storage.close();
    expect(Object.keys(await reopenShapes()).sort()).toEqual(
      ['before', 'during-capture', 'next-tick', 'queued-before', 'same-tick'].sort(),
    );
  });

  it('does not hold appends back while the snapshot is being written', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('a');
    const realRename = fs.rename;
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const rename = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('snapshot.bin')) await gate;
      return realRename(from, to);
    });

    const compaction = board.compact();
    await vi.waitFor(() => expect(rename).toHaveBeenCalledWith(expect.anything(), path.join(dir, 'snapshot.bin')));
    await board.edit('while-snapshotting'); // resolves although the snapshot is stuck
    openGate();
    await compaction;
    await board.opened.storage.close();
    expect(Object.keys(await reopenShapes()).sort()).toEqual(['a', 'while-snapshotting']);
  });

  it('runs compactions one after another', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('a');
    const first = board.compact();
    const edit = board.edit('b');
    const second = board.compact();
    await Promise.all([first, edit, second]);
    expect(await files()).toEqual([LOG_2, 'meta.json', 'snapshot.bin']);
    await board.opened.storage.close();
    expect(Object.keys(await reopenShapes()).sort()).toEqual(['a', 'b']);
  });

  it('rejects when captureState throws and leaves the board whole', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('a');
    await expect(
      board.opened.storage.compact(() => {
        throw new Error('capture failed');
      }),
    ).rejects.toThrow('capture failed');
    await board.edit('b');
    expect(board.opened.storage.logBytes).toBeGreaterThan(0);
    await board.opened.storage.close();
    expect(await files()).toEqual([LOG_0, LOG_1, 'meta.json']);
    expect(Object.keys(await reopenShapes()).sort()).toEqual(['a', 'b']);
  });
});

describe('a crash in the middle of compaction leaves a loadable board', () => {
  /** A board compacted once (log 0 backed up first), with one more edit after; returns its shapes. */
  async function compactedBoard(): Promise<Record<string, unknown>> {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('a', 1);
    await board.edit('b', 2);
    await backUp(LOG_0);
    await board.compact();
    await board.edit('c', 3);
    await board.opened.storage.close();
    return shapesOf(board.client.doc);
  }

  it('after the snapshot rename but before the old logs were deleted', async () => {
    const expected = await compactedBoard();
    await restore(LOG_0);

    expect(await reopenShapes()).toEqual(expected);
    expect(await files()).toEqual([LOG_1, 'meta.json', 'snapshot.bin']);
  });

  it('after the temp snapshot was written but before its rename', async () => {
    const expected = await compactedBoard();
    await fs.rename(path.join(dir, 'snapshot.bin'), path.join(dir, 'snapshot.bin.tmp'));
    await restore(LOG_0);

    expect(await reopenShapes()).toEqual(expected);
    expect(await files()).toEqual([LOG_0, LOG_1, 'meta.json']);
  });

  it('with a half-written temp snapshot', async () => {
    const expected = await compactedBoard();
    const snapshot = await fs.readFile(path.join(dir, 'snapshot.bin'));
    await fs.writeFile(path.join(dir, 'snapshot.bin.tmp'), snapshot.subarray(0, 10));
    await fs.rm(path.join(dir, 'snapshot.bin'));
    await restore(LOG_0);

    expect(await reopenShapes()).toEqual(expected);
  });

  it('during a second compaction, between the temp snapshot and its rename', async () => {
    const board = new RelayBoard(await store.open(BOARD));
    await board.edit('a', 1);
    await board.compact();
    await board.edit('b', 2);
    await backUp(LOG_1);
    await backUp('snapshot.bin');
    await board.compact();
    await board.edit('c', 3);
    await board.opened.storage.close();
    await fs.rename(path.join(dir, 'snapshot.bin'), path.join(dir, 'snapshot.bin.tmp'));
    await restore('snapshot.bin');
    await restore(LOG_1);

    expect(Object.keys(await reopenShapes()).sort()).toEqual(['a', 'b', 'c']);
    expect(await files()).toEqual([LOG_1, LOG_2, 'meta.json', 'snapshot.bin']);
  });
});
