import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { exampleShape } from '../../shared/model/shapes/examples';
import { BoardDoc, type ShapeInput } from './board-doc';
import { BoardUndo } from './undo';

const REMOTE = 'remote';

/**
 * Two users on one board: each doc forwards its own changes to the other, as
 * the relay would. Updates applied from the other side carry the REMOTE
 * origin and are not forwarded back, so nothing loops.
 */
function twoUsers() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const link = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) Y.applyUpdate(to, update, REMOTE);
    });
  link(docA, docB);
  link(docB, docA);
  const a = new BoardDoc(docA);
  const b = new BoardDoc(docB);
  return { a, b, undoA: new BoardUndo(a), undoB: new BoardUndo(b) };
}

function rect(id: string): ShapeInput {
  const { index: _index, ...shape } = exampleShape('rect', { id });
  return shape;
}

const ids = (board: BoardDoc) => board.all().map((shape) => shape.id);

describe('BoardUndo', () => {
  it('undoes only this user’s changes, on both peers, and redoes them', () => {
    const { a, b, undoA, undoB } = twoUsers();
    a.create(rect('from-a'));
    b.create(rect('from-b'));
    expect(ids(a)).toEqual(['from-a', 'from-b']);
    expect(ids(b)).toEqual(ids(a));

    expect(undoA.undo()).toBe(true);
    expect(ids(a)).toEqual(['from-b']);
    expect(ids(b)).toEqual(['from-b']);
    expect(undoA.canUndo).toBe(false);
    expect(undoA.undo()).toBe(false);

    expect(undoA.redo()).toBe(true);
    expect(ids(a)).toEqual(['from-a', 'from-b']);
    expect(ids(b)).toEqual(['from-a', 'from-b']);
    expect(undoB.canUndo).toBe(true);
  });

  it('undoes a move without reverting what someone else changed since', () => {
    const { a, b, undoA } = twoUsers();
    a.create(rect('shared'));
    b.update('shared', { y: 500 });
    a.update('shared', { x: 300 });
    undoA.undo();
    expect(b.get('shared')).toMatchObject({ x: 10, y: 500 });
    expect(a.get('shared')).toEqual(b.get('shared'));
  });

  it('leaves a shape as someone else changed it after this user moved it: the later change wins', () => {
    const { a, b, undoA } = twoUsers();
    a.create(rect('shared'));
    a.update('shared', { x: 300 });
    b.update('shared', { y: 500 });
    undoA.undo();
    expect(a.get('shared')).toMatchObject({ x: 300, y: 500 });
    expect(b.get('shared')).toEqual(a.get('shared'));
  });

  it('never removes a shape someone else changed after this user drew it', () => {
    const { a, b, undoA } = twoUsers();
    a.create(rect('drawn-by-a'));
    b.update('drawn-by-a', { x: 42 });
    undoA.undo();
    expect(b.get('drawn-by-a')).toMatchObject({ x: 42 });
  });

  it('makes one transact of three creates one step, and each other call its own step', () => {
    const { a, undoA } = twoUsers();
    a.transact(() => {
      a.create(rect('one'));
      a.create(rect('two'));
      a.create(rect('three'));
    });
    a.update('one', { x: 1 });
    a.update('one', { x: 2 });
    undoA.undo();
    expect(a.get('one')?.x).toBe(1);
    undoA.undo();
    expect(a.get('one')?.x).toBe(10);
    undoA.undo();
    expect(ids(a)).toEqual([]);
    expect(undoA.canUndo).toBe(false);
  });

  it('undoes a reorder', () => {
    const { a, b, undoA } = twoUsers();
    a.create(['p', 'q', 'r'].map(rect));
    a.reorder(['p'], 'front');
    expect(ids(b)).toEqual(['q', 'r', 'p']);
    undoA.undo();
    expect(ids(b)).toEqual(['p', 'q', 'r']);
  });

  it('tells when canUndo or canRedo change, and only then', () => {
    const { a, undoA } = twoUsers();
    const states = vi.fn();
    const unsubscribe = undoA.onChange(states);
    a.create(rect('one'));
    a.create(rect('two'));
    undoA.undo();
    undoA.undo();
    a.create(rect('three'));
    undoA.clear();
    unsubscribe();
    a.create(rect('four'));
    expect(states.mock.calls.map(([state]) => state)).toEqual([
      { canUndo: true, canRedo: false },
      { canUndo: true, canRedo: true },
      { canUndo: false, canRedo: true },
      { canUndo: true, canRedo: false },
      { canUndo: false, canRedo: false },
    ]);
  });

  it('does not record remote changes or writes that changed nothing', () => {
    const { a, b, undoA } = twoUsers();
    b.create(rect('from-b'));
    expect(undoA.canUndo).toBe(false);
    a.create(rect('from-a'));
    a.update('from-a', { x: 10 });
    undoA.undo();
    expect(ids(a)).toEqual(['from-b']);
  });
});
