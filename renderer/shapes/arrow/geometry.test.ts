import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { arrowheadLength, arrowheadsOf, arrowheadWings, bounds, hitTest, intersectsRect, scale } from './geometry';
import { pathPoints } from '../line/geometry';

// x 10, y 20, points [0, 0, 100, 0], stroke 2, head at the end
const arrow = (overrides = {}) => exampleShape('arrow', overrides);

describe('arrow geometry', () => {
  it('draws wings of a size that grows with the stroke and fits short shafts', () => {
    expect(arrowheadLength(2, 100)).toBe(12);
    expect(arrowheadLength(10, 100)).toBe(40);
    expect(arrowheadLength(10, 20)).toBe(10);
    const [left, right] = arrowheadWings({ x: 100, y: 0 }, { x: 0, y: 0 }, 2);
    expect(left.x).toBeCloseTo(100 - 12 * Math.cos(Math.PI / 6));
    expect(left.y).toBeCloseTo(6);
    expect(right.y).toBeCloseTo(-6);
  });

  it('bounds include the heads it has', () => {
    expect(bounds(arrow({ arrowheads: { start: false, end: false } }))).toEqual({
      minX: 9,
      minY: 19,
      maxX: 111,
      maxY: 21,
    });
    const withHead = bounds(arrow());
    expect(withHead.minY).toBeCloseTo(20 - 6 - 1);
    expect(withHead.maxY).toBeCloseTo(20 + 6 + 1);
    expect(withHead.maxX).toBe(111);
  });

  it('is hit along its shaft, is selected whole, and scales like a line', () => {
    expect(hitTest(arrow(), { x: 50, y: 22 }, 2)).toBe(true);
    expect(hitTest(arrow(), { x: 50, y: 30 }, 2)).toBe(false);
    expect(intersectsRect(arrow(), { minX: 0, minY: 0, maxX: 120, maxY: 40 })).toBe(true);
    expect(intersectsRect(arrow(), { minX: 0, minY: 16, maxX: 120, maxY: 40 })).toBe(false); // cuts a wing
    expect(scale(arrow(), { anchor: { x: 10, y: 20 }, sx: 2, sy: 1 })).toEqual({
      x: 10,
      y: 20,
      points: [0, 0, 200, 0],
    });
  });
});

describe('arrows through more than two points', () => {
  // x 10, y 20: the path (0, 0) → (100, 0) → (100, 80), a head at the end
  const bent = exampleShape('arrow', { points: [0, 0, 100, 0, 100, 80] });

  it('bounds hold every point, hit tests follow every segment', () => {
    const box = bounds(bent);
    expect(box.minX).toBeCloseTo(9);
    expect(box.maxY).toBeCloseTo(101);
    expect(hitTest(bent, { x: 110, y: 60 }, 1)).toBe(true);
    expect(hitTest(bent, { x: 60, y: 60 }, 1)).toBe(false);
  });

  it('points each head along its own last segment', () => {
    expect(arrowheadsOf(bent, pathPoints(bent.points))).toEqual([
      [
        { x: 100, y: 80 },
        { x: 100, y: 0 },
      ],
    ]);
    const both = { ...bent, arrowheads: { start: true, end: true } };
    expect(arrowheadsOf(both, pathPoints(both.points))[0]).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ]);
  });
});
