import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { localToBoard } from '../frame';
import { scalePoint } from '../scaling';
import { bounds, hitTest, intersectsRect, scale, pathPoints } from './geometry';

// x 10, y 20, points [0, 0, 100, 50], stroke 2
const line = (overrides = {}) => exampleShape('line', overrides);

describe('line geometry', () => {
  it('bounds are the segment grown by half the stroke, turned about (x, y)', () => {
    expect(bounds(line())).toEqual({ minX: 9, minY: 19, maxX: 111, maxY: 71 });
    const turned = bounds(line({ rotation: Math.PI }));
    expect(turned.minX).toBeCloseTo(-91);
    expect(turned.maxY).toBeCloseTo(21);
  });

  it('is hit within tolerance plus half the stroke of the segment, ends included', () => {
    expect(hitTest(line(), { x: 60, y: 45 }, 1)).toBe(true);
    expect(hitTest(line(), { x: 60, y: 47 }, 1)).toBe(true); // 2 / √1.25 ≈ 1.79 from the line
    expect(hitTest(line(), { x: 60, y: 55 }, 1)).toBe(false);
    expect(hitTest(line(), { x: 112, y: 70 }, 1)).toBe(true);
    expect(hitTest(line(), { x: 115, y: 70 }, 1)).toBe(false);
    expect(hitTest(line({ rotation: Math.PI / 2 }), { x: -15, y: 70 }, 1)).toBe(true);
  });

  it('is selected by a marquee holding both ends', () => {
    expect(intersectsRect(line(), { minX: 0, minY: 0, maxX: 120, maxY: 80 })).toBe(true);
    expect(intersectsRect(line(), { minX: 0, minY: 0, maxX: 60, maxY: 80 })).toBe(false);
  });

  it('scales exactly, turned or not: both ends land where the map sends them', () => {
    const scaling = { anchor: { x: 5, y: -7 }, sx: 1.7, sy: -0.4 };
    for (const rotation of [0, 0.3, 2.2]) {
      const shape = line({ rotation });
      const scaled = { ...shape, ...scale(shape, scaling) };
      const before = pathPoints(shape.points).map((p) => scalePoint(scaling, localToBoard(shape, p)));
      const after = pathPoints(scaled.points).map((p) => localToBoard(scaled, p));
      for (let i = 0; i < 2; i++) {
        expect(after[i]!.x).toBeCloseTo(before[i]!.x);
        expect(after[i]!.y).toBeCloseTo(before[i]!.y);
      }
    }
  });
});
