import { describe, expect, it } from 'vitest';
import { compareZOrder, indicesBetween, type Shape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { shapeBounds } from '../shapes';
import { ShapeIndex } from './spatial-index';
import { boxesIntersect } from './viewport-math';

/** The index kept current by each transaction's changes (`apply`), as live-shapes.ts feeds it. */

const rect = (id: string, x: number, y: number, index = 'a0', size = 10): Shape =>
  exampleShape('rect', { id, index, x, y, w: size, h: size, rotation: 0 });

const ids = (shapes: readonly { id: string }[]) => shapes.map((shape) => shape.id);
const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
const everywhere = box(-1e9, -1e9, 1e9, 1e9);

describe('ShapeIndex.apply', () => {
  it('inserts, moves and deletes by id, and queries see each change', () => {
    const index = new ShapeIndex();
    index.sync([rect('a', 0, 0, 'a0')]);
    index.apply([['b', rect('b', 100, 100, 'a1')]]);
    expect(ids(index.query(box(95, 95, 120, 120)))).toEqual(['b']);
    index.apply([['b', rect('b', 300, 0, 'a1')]]);
    expect(index.query(box(95, 95, 120, 120))).toEqual([]);
    expect(ids(index.query(box(295, -5, 320, 20)))).toEqual(['b']);
    index.apply([['a', undefined]]);
    expect(ids(index.query(everywhere))).toEqual(['b']);
    expect(index.size).toBe(1);
  });

  it('answers hit candidates topmost first, a new shape on top of the rest', () => {
    const index = new ShapeIndex();
    index.sync([rect('low', 0, 0, 'a0'), rect('mid', 2, 2, 'a1')]);
    index.apply([['top', rect('top', 4, 4, 'a2')]]);
    expect(ids(index.at({ x: 6, y: 6 }))).toEqual(['top', 'mid', 'low']);
  });

  it('re-ranks when a shape is added below the top or its z-order changes', () => {
    const index = new ShapeIndex();
    index.sync([rect('a', 0, 0, 'a0'), rect('c', 0, 0, 'a2')]);
    index.apply([['b', rect('b', 0, 0, 'a1')]]);
    expect(ids(index.query(everywhere))).toEqual(['a', 'b', 'c']);
    index.apply([['a', rect('a', 0, 0, 'a3')]]);
    expect(ids(index.query(everywhere))).toEqual(['b', 'c', 'a']);
    // Sent back below the others, then brought to the front again.
    index.apply([['a', rect('a', 0, 0, '0a')]]);
    expect(ids(index.query(everywhere))).toEqual(['a', 'b', 'c']);
    index.apply([['b', rect('b', 0, 0, 'a6')]]);
    expect(ids(index.query(everywhere))).toEqual(['a', 'c', 'b']);
    // The top was deleted: a shape above what it was is still on top.
    index.apply([['b', undefined]]);
    index.apply([['d', rect('d', 0, 0, 'a7')]]);
    expect(ids(index.query(everywhere))).toEqual(['a', 'c', 'd']);
  });

  it('ranks frames below every other shape and keys a frame by its name too (where it is grabbed and painted)', () => {
    const index = new ShapeIndex();
    const frame = exampleShape('frame', { id: 'f', index: 'a5', x: 0, y: 0, w: 300, h: 200, rotation: 0 });
    index.sync([frame, rect('a', 10, 10, 'a0')]);
    index.apply([['g', { ...frame, id: 'g', index: 'a9' }]]);
    index.apply([['b', rect('b', 20, 20, 'a1')]]);
    expect(ids(index.query(box(0, 0, 50, 50)))).toEqual(['f', 'g', 'a', 'b']);
    // The name sits above the frame's box.
    expect(ids(index.at({ x: 5, y: -10 }))).toEqual(['g', 'f']);
    expect([...index.frames.keys()]).toEqual(['f', 'g']);
    index.apply([['f', undefined]]);
    expect([...index.frames.keys()]).toEqual(['g']);
  });

  it('logs the old and new bounds of each change, per version, for the scene cache', () => {
    const index = new ShapeIndex();
    const a = rect('a', 0, 0);
    index.sync([a]);
    const loaded = index.version;
    // The bulk load itself is "everything" for a reader from before it.
    expect(index.dirtySince(loaded - 1)).toBeNull();
    expect(index.dirtySince(loaded)).toEqual([]);
    index.apply([['a', { ...a, x: 100 }]]);
    expect(index.dirtySince(loaded)).toEqual([shapeBounds(a), shapeBounds({ ...a, x: 100 })]);
    const moved = index.version;
    index.apply([['a', undefined]]);
    expect(index.dirtySince(moved)).toEqual([shapeBounds({ ...a, x: 100 })]);
    expect(index.dirtySince(loaded)).toHaveLength(3);
  });

  it('tells a reader too far behind the bounded log to repaint everything', () => {
    const index = new ShapeIndex();
    index.sync([rect('a', 0, 0)]);
    const start = index.version;
    for (let i = 0; i < 600; i++) index.apply([['a', rect('a', i, 0)]]);
    expect(index.dirtySince(start)).toBeNull();
    expect(index.dirtySince(index.version - 1)).toHaveLength(2);
  });

  it('re-measures and repaints dependents of a changed shape (a bound arrow follows its target)', () => {
    // The arrow's bounds come from where its target is, not from its own object.
    const board = new Map<string, Shape>();
    const arrowBounds = () => {
      const target = board.get('target')!;
      return box(0, 0, target.x, target.y);
    };
    const index = new ShapeIndex({
      boundsOf: (shape) => (shape.id === 'arrow' ? arrowBounds() : shapeBounds(shape)),
      dependentsOf: (id) => (id === 'target' ? ['arrow'] : []),
    });
    const target = rect('target', 100, 100, 'a0');
    const arrow = rect('arrow', 0, 0, 'a1');
    board.set('target', target);
    index.sync([target, arrow]);
    const before = index.version;
    const moved = { ...target, x: 500, y: 50 };
    board.set('target', moved);
    index.apply([['target', moved]]);
    expect(ids(index.query(box(450, 40, 460, 45)))).toEqual(['arrow']);
    expect(index.dirtySince(before)).toEqual(
      expect.arrayContaining([box(0, 0, 100, 100), box(0, 0, 500, 50), shapeBounds(moved)]),
    );
    // And by id, when something else tells it: the bounds now are re-read and both repainted.
    board.set('target', { ...moved, x: 20, y: 20 });
    const later = index.version;
    index.invalidate(['arrow']);
    expect(index.dirtySince(later)).toEqual([box(0, 0, 500, 50), box(0, 0, 20, 20)]);
    expect(index.boxOf('arrow')).toEqual(box(0, 0, 20, 20));
  });

  it('agrees with a linear scan after many random transactions', () => {
    const index = new ShapeIndex();
    const keys = indicesBetween(null, null, 3000);
    const board = new Map<string, Shape>();
    for (let i = 0; i < 2000; i++)
      board.set(`s${i}`, rect(`s${i}`, (i * 37) % 4000, (i * 91) % 4000, keys[(i * 1.5) | 0]));
    index.sync([...board.values()].sort(compareZOrder));
    let next = 2000;
    for (let round = 0; round < 200; round++) {
      const changes: [string, Shape | undefined][] = [];
      const id = `s${(round * 7919) % next}`;
      const shape = board.get(id);
      if (round % 3 === 0) changes.push([id, undefined]);
      else if (shape)
        changes.push([
          id,
          { ...shape, x: (shape.x + 611) % 4000, index: round % 5 === 0 ? keys[(round * 13) % 3000]! : shape.index },
        ]);
      const added = `s${next++}`;
      changes.push([added, rect(added, round * 17, round * 13, keys[(round * 31) % 3000])]);
      for (const [changed, now] of changes) {
        if (now) board.set(changed, now);
        else board.delete(changed);
      }
      index.apply(changes);
    }
    const view = box(1000, 1000, 1800, 1600);
    const linear = [...board.values()].sort(compareZOrder).filter((shape) => boxesIntersect(shapeBounds(shape), view));
    expect(linear.length).toBeGreaterThan(10);
    expect(index.size).toBe(board.size);
    expect(ids(index.query(view))).toEqual(ids(linear));
  });
});
