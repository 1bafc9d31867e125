import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { compareZOrder, type RectShape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { BoardDoc, type ShapeInput } from './board-doc';
import { LOCAL_ORIGIN, shapesMap } from './doc-layout';

function setup() {
  const doc = new Y.Doc();
  const onInvalidShape = vi.fn<(id: string, error: string) => void>();
  const board = new BoardDoc(doc, { onInvalidShape });
  const changes: string[][] = [];
  board.observe((ids) => changes.push([...ids].sort()));
  return { doc, board, onInvalidShape, changes };
}

/** A rectangle without an index, so the doc puts it on top. */
function rect(id: string, fields: Partial<RectShape> = {}): ShapeInput {
  const { index: _index, ...shape } = exampleShape('rect', { id, ...fields });
  return shape;
}

const ids = (board: BoardDoc) => board.all().map((shape) => shape.id);

/** Writes `value` under `id` from another peer, as the sync provider would deliver it. */
function writeRemotely(doc: Y.Doc, id: string, value: unknown): void {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  shapesMap(remote).set(id, value);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
}

describe('BoardDoc', () => {
  it('creates shapes on top in the order given, and reads them back validated and in z-order', () => {
    const { board } = setup();
    const first = board.create(rect('r1'));
    expect(first).toMatchObject({ id: 'r1', type: 'rect' });
    board.create([rect('r2'), rect('r3')]);
    expect(ids(board)).toEqual(['r1', 'r2', 'r3']);
    expect(board.get('r2')).toEqual({ ...rect('r2'), index: expect.any(String) });
    expect(board.has('r3')).toBe(true);
    expect(board.has('nope')).toBe(false);
    expect(board.get('nope')).toBeUndefined();
  });

  it('keeps an index given with the shape', () => {
    const { board } = setup();
    board.create([rect('top'), rect('mid')]);
    board.create({ ...rect('bottom'), index: 'Zz' });
    expect(ids(board)).toEqual(['bottom', 'top', 'mid']);
  });

  it('refuses an invalid shape or a taken id with a clear error, and changes nothing', () => {
    const { board, doc, changes } = setup();
    board.create(rect('r1'));
    const before = Y.encodeStateAsUpdate(doc);
    changes.length = 0;
    expect(() => board.create([rect('r2'), rect('r3', { w: -1 })])).toThrow(/cannot create shape "r3": w: /);
    expect(() => board.create([rect('r2'), rect('r2')])).toThrow(/"r2": id is taken/);
    expect(() => board.create(rect('r1'))).toThrow(/"r1": id is taken/);
    expect(() => board.create({ ...rect('r4'), index: '!' })).toThrow(/index: /);
    expect(() => board.update('r1', { opacity: 2 })).toThrow(/cannot update shape "r1": opacity: /);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('returns frozen shapes, so a change has to go through update', () => {
    const { board } = setup();
    const created = board.create(rect('r1'));
    expect(() => Object.assign(created, { x: 5 })).toThrow(TypeError);
    const read = board.get('r1')!;
    expect(() => Object.assign(read.style, { stroke: '#ff0000' })).toThrow(TypeError);
    expect(board.get('r1')).toBe(read); // parsed once per stored value
  });

  it('merges a patch into the shape and validates the result', () => {
    const { board } = setup();
    board.create(rect('r1', { groupId: 'g1' }));
    expect(board.update('r1', { x: 300, style: { stroke: '#ff0000', fill: 'none', strokeWidth: 4 } })).toBe(true);
    expect(board.get('r1')).toMatchObject({ x: 300, y: 20, style: { stroke: '#ff0000' }, groupId: 'g1' });
    board.update('r1', { groupId: undefined });
    expect(board.get('r1')).not.toHaveProperty('groupId');
    expect(board.update('nope', { x: 1 })).toBe(false);
    expect(board.has('nope')).toBe(false);
    expect(() => board.update('r1', { id: 'r2' } as never)).toThrow(/id cannot change/);
    expect(() => board.update('r1', { type: 'ellipse' } as never)).toThrow(/type cannot change/);
  });

  it('keeps fields a newer client stored when updating, and drops unknown fields of the patch', () => {
    const { board, doc } = setup();
    writeRemotely(doc, 'r1', { ...exampleShape('rect', { id: 'r1' }), sparkle: true });
    expect(board.get('r1')).not.toHaveProperty('sparkle');
    board.update('r1', { x: 99, typo: 1 } as never);
    expect(shapesMap(doc).get('r1')).toMatchObject({ x: 99, sparkle: true });
    expect(shapesMap(doc).get('r1')).not.toHaveProperty('typo');
  });

  it('writes nothing for an update that changes nothing', () => {
    const { board, doc, changes } = setup();
    board.create(rect('r1'));
    const before = Y.encodeStateAsUpdate(doc);
    changes.length = 0;
    expect(board.update('r1', { x: 10 })).toBe(true);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('deletes shapes, invalid ones included', () => {
    const { board, doc } = setup();
    board.create([rect('r1'), rect('r2')]);
    writeRemotely(doc, 'junk', 42);
    expect(board.delete(['r1', 'junk', 'nope'])).toBe(2);
    expect(board.delete('r2')).toBe(1);
    expect(shapesMap(doc).size).toBe(0);
  });

  it('reorders with new indices for the moved shapes only', () => {
    const { board } = setup();
    board.create(['a', 'b', 'c', 'd'].map((id) => rect(id)));
    const indexOf = (id: string) => board.get(id)!.index;
    const untouched = indexOf('a');
    expect(board.reorder(['b'], 'front')).toBe(1);
    expect(ids(board)).toEqual(['a', 'c', 'd', 'b']);
    expect(indexOf('a')).toBe(untouched);
    board.reorder(['b'], 'back');
    expect(ids(board)).toEqual(['b', 'a', 'c', 'd']);
    board.reorder(['a'], 'forward');
    expect(ids(board)).toEqual(['b', 'c', 'a', 'd']);
    board.reorder(['d'], 'backward');
    expect(ids(board)).toEqual(['b', 'c', 'd', 'a']);
    expect(board.reorder(['a'], 'front')).toBe(0);
  });

  it('groups calls in transact into one transaction, reading its own writes, or none if it throws', () => {
    const { board, doc, changes } = setup();
    const transactions = vi.fn();
    doc.on('afterTransaction', transactions);
    board.transact(() => {
      board.create([rect('a'), rect('b')]);
      board.update('a', { x: 1 });
      expect(board.get('a')?.x).toBe(1);
      board.delete('b');
      board.create(rect('c'));
      board.transact(() => board.reorder(['c'], 'back'));
      expect(ids(board)).toEqual(['c', 'a']);
    });
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(transactions.mock.calls[0]![0].origin).toBe(LOCAL_ORIGIN);
    expect(changes).toEqual([['a', 'c']]);
    expect(ids(board)).toEqual(['c', 'a']);

    const before = Y.encodeStateAsUpdate(doc);
    expect(() =>
      board.transact(() => {
        board.update('a', { x: 2 });
        board.create(rect('d'));
        throw new Error('tool failed');
      }),
    ).toThrow('tool failed');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(board.get('a')?.x).toBe(1);
    expect(board.has('d')).toBe(false);
  });

  it('calls observers once per transaction with the ids changed, local or remote', () => {
    const { board, doc, changes } = setup();
    board.create([rect('a'), rect('b')]);
    board.update('a', { x: 5 });
    board.delete(['a', 'b']);
    writeRemotely(doc, 'r', exampleShape('rect', { id: 'r' }));
    expect(changes).toEqual([['a', 'b'], ['a'], ['a', 'b'], ['r']]);
  });

  it('keeps notifying the other observers when one throws, and rethrows outside the transaction', () => {
    const { board, changes } = setup();
    const deferred: (() => void)[] = [];
    const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => void deferred.push(task));
    try {
      board.observe(() => {
        throw new Error('broken view');
      });
      board.observe(() => changes.push(['second']));
      board.create(rect('a'));
    } finally {
      queue.mockRestore();
    }
    expect(changes).toEqual([['a'], ['second']]);
    expect(board.has('a')).toBe(true);
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toThrow('broken view');
  });

  it('stops notifying after unsubscribe', () => {
    const { board } = setup();
    const listener = vi.fn();
    const unsubscribe = board.observe(listener);
    board.create(rect('a'));
    unsubscribe();
    board.create(rect('b'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('skips invalid values a peer wrote and reports each once, never throwing', () => {
    const { board, doc, onInvalidShape } = setup();
    board.create(rect('good'));
    writeRemotely(doc, 'bad', { ...exampleShape('rect', { id: 'bad' }), w: 'wide' });
    writeRemotely(doc, 'number', 7);
    writeRemotely(doc, 'elsewhere', exampleShape('rect', { id: 'other-id' }));
    for (let i = 0; i < 3; i++) expect(ids(board)).toEqual(['good']);
    expect(board.get('bad')).toBeUndefined();
    expect(board.update('bad', { w: 10 })).toBe(false);
    expect(onInvalidShape.mock.calls.sort()).toEqual([
      ['bad', expect.stringMatching(/^w: /)],
      ['elsewhere', expect.stringMatching(/^id: "other-id" differs from its key/)],
      ['number', expect.stringMatching(/^shape: /)],
    ]);

    onInvalidShape.mockClear();
    writeRemotely(doc, 'bad', { ...exampleShape('rect', { id: 'bad' }), h: -1 });
    board.all();
    expect(onInvalidShape.mock.calls).toEqual([['bad', expect.stringMatching(/^h: /)]]);
    writeRemotely(doc, 'bad', exampleShape('rect', { id: 'bad', index: 'a0' }));
    expect(board.get('bad')).toBeDefined();
  });

  it('makes random url-safe ids of 16 characters', () => {
    const { board } = setup();
    const made = Array.from({ length: 1_000 }, () => board.newId());
    expect(made.every((id) => /^[A-Za-z0-9_-]{16}$/.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
  });

  it('sorts ties between equal indices by id, the same on every peer', () => {
    const { board } = setup();
    board.create([
      { ...rect('b'), index: 'a1' },
      { ...rect('a'), index: 'a1' },
    ]);
    expect(board.all()).toEqual([...board.all()].sort(compareZOrder));
    expect(ids(board)).toEqual(['a', 'b']);
  });
});
