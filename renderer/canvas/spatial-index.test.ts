import { describe, expect, it } from 'vitest';
import type { Shape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { shapeBounds } from '../shapes';
import { ShapeIndex } from './spatial-index';
import { boxesIntersect } from './viewport-math';

const rect = (id: string, x: number, y: number, size = 10): Shape =>
  exampleShape('rect', { id, x, y, w: size, h: size, rotation: 0 });

const ids = (shapes: readonly { id: string }[]) => shapes.map((shape) => shape.id);
const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });

describe('ShapeIndex', () => {
  it('finds the shapes that meet a box, in z-order, and none outside it', () => {
    const index = new ShapeIndex();
    index.sync([rect('a', 0, 0), rect('far', 5000, 5000), rect('b', 5, 5)]);
    expect(index.size).toBe(3);
    expect(ids(index.query(box(-1, -1, 20, 20)))).toEqual(['a', 'b']);
    expect(ids(index.query(box(4990, 4990, 5020, 5020)))).toEqual(['far']);
    expect(index.query(box(1000, 1000, 2000, 2000))).toEqual([]);
  });

  it('inserts shapes added later, and answers hits topmost first', () => {
    const index = new ShapeIndex();
    const a = rect('a', 0, 0);
    index.sync([a]);
    index.sync([a, rect('top', 2, 2)]);
    expect(ids(index.at({ x: 5, y: 5 }))).toEqual(['top', 'a']);
    expect(ids(index.at({ x: 30, y: 30 }, 5))).toEqual([]);
    expect(ids(index.at({ x: 30, y: 30 }, 20))).toEqual(['top', 'a']);
  });

  it('moves an edited shape: found where it is now, not where it was', () => {
    const index = new ShapeIndex();
    const a = rect('a', 0, 0);
    const b = rect('b', 100, 100);
    index.sync([a, b]);
    const moved = { ...a, x: 300, y: 300 };
    index.sync([moved, b]);
    expect(index.query(box(-5, -5, 20, 20))).toEqual([]);
    expect(index.query(box(295, 295, 320, 320))).toEqual([moved]);
    expect(index.size).toBe(2);
  });

  it('deletes shapes that are gone from the board', () => {
    const index = new ShapeIndex();
    const a = rect('a', 0, 0);
    index.sync([a, rect('b', 5, 5)]);
    index.sync([a]);
    expect(index.size).toBe(1);
    expect(ids(index.query(box(-1, -1, 20, 20)))).toEqual(['a']);
    index.sync([]);
    expect(index.size).toBe(0);
    expect(index.query(box(-1e9, -1e9, 1e9, 1e9))).toEqual([]);
  });

  it('follows a change of z-order without a change of bounds', () => {
    const index = new ShapeIndex();
    const a = rect('a', 0, 0);
    const b = rect('b', 5, 5);
    index.sync([a, b]);
    index.sync([b, a]);
    expect(ids(index.query(box(0, 0, 20, 20)))).toEqual(['b', 'a']);
  });

  it('agrees with a linear scan over a large board after many edits', () => {
    const index = new ShapeIndex();
    let shapes: Shape[] = Array.from({ length: 5000 }, (_, i) => rect(`s${i}`, (i * 37) % 4000, (i * 91) % 4000));
    index.sync(shapes);
    for (let round = 0; round < 20; round++) {
      shapes = shapes
        .filter((_, i) => (i + round) % 97 !== 0)
        .map((shape, i) => (i % 53 === round ? { ...shape, x: (shape.x + 733) % 4000 } : shape));
      shapes.push(rect(`new${round}`, round * 100, round * 50));
      index.sync(shapes);
    }
    const view = box(1000, 1000, 1800, 1600);
    const linear = shapes.filter((shape) => boxesIntersect(shapeBounds(shape), view));
    expect(linear.length).toBeGreaterThan(10);
    expect(index.size).toBe(shapes.length);
    expect(index.query(view)).toEqual(linear); // the same shapes, in the same (z-)order
  });
});
