import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/protocol';
import { MemoryBoardStore } from './memory-store';
import { ShapeEditor, shapesOf } from './test-support';

describe('MemoryBoardStore', () => {
  it('keeps a board across close and reopen, with the same epoch', async () => {
    const store = new MemoryBoardStore();
    const editor = new ShapeEditor();
    const board = await store.open('b');
    expect(shapesOf(board.doc)).toEqual({});
    await board.storage.append(editor.setShape('a', 1));
    await board.storage.append(editor.setShape('b', 2));
    expect(board.storage.logBytes).toBeGreaterThan(0);
    await board.storage.close();

    const reopened = await store.open('b');
    expect(reopened.epoch).toBe(board.epoch);
    expect(shapesOf(reopened.doc)).toEqual(shapesOf(editor.doc));
    expect((await store.open('other')).epoch).not.toBe(board.epoch);
  });

  it('resolves appends on a later tick, and flush waits for them', async () => {
    const store = new MemoryBoardStore();
    const board = await store.open('b');
    let acknowledged = false;
    void board.storage.append(new ShapeEditor().setShape('a')).then(() => (acknowledged = true));
    await Promise.resolve();
    expect(acknowledged).toBe(false);
    await board.storage.flush();
    expect(acknowledged).toBe(true);
  });

  it('replaces the log with the captured state on compaction', async () => {
    const store = new MemoryBoardStore();
    const board = await store.open('b');
    const editor = new ShapeEditor();
    for (const id of ['a', 'b', 'c']) {
      const update = editor.setShape(id);
      Y.applyUpdate(board.doc, update);
      await board.storage.append(update);
    }
    await board.storage.compact(() => Y.encodeStateAsUpdate(board.doc));
    expect(board.storage.logBytes).toBe(0);
    await board.storage.close();
    expect(Object.keys(shapesOf((await store.open('b')).doc)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses a second open, bad ids and appends after close', async () => {
    const store = new MemoryBoardStore();
    const board = await store.open('b');
    await expect(store.open('b')).rejects.toThrow(/already open/);
    await expect(store.open('../b')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await board.storage.close();
    await expect(board.storage.append(new Uint8Array([0]))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'board is closed',
    });
  });

  it('fails appends and opens on demand', async () => {
    const store = new MemoryBoardStore();
    const board = await store.open('b');
    store.failAppends('b', new Error('disk full'));
    const failure = await board.storage.append(new ShapeEditor().setShape('a')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RelayError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: 'disk full' });

    store.markUnreadable('c');
    await expect(store.open('c')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
