import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { localToBoard } from '../frame';
import { pointsOf } from '../polyline';
import { scalePoint } from '../scaling';
import { bounds, hitTest, intersectsRect, penWidthAt, scale } from './geometry';

// x 10, y 20, stroke 2, points (0, 0) p.5, (4, 3) p.6, (9, 5) p.4
const pen = (overrides = {}) => exampleShape('pen', overrides);

describe('pen geometry', () => {
  it('widens with pressure: the style width at 0.5, half of it at 0, 1.5 times at 1', () => {
    expect(penWidthAt(2, 0.5)).toBe(2);
    expect(penWidthAt(2, 0)).toBe(1);
    expect(penWidthAt(2, 1)).toBe(3);
  });

  it('bounds are the points grown by half the widest width', () => {
    const box = bounds(pen());
    const pad = penWidthAt(2, 0.6) / 2;
    expect(box.minX).toBeCloseTo(10 - pad);
    expect(box.minY).toBeCloseTo(20 - pad);
    expect(box.maxX).toBeCloseTo(19 + pad);
    expect(box.maxY).toBeCloseTo(25 + pad);
  });

  it('is hit near the stroke, a lone point is a dot, rotation counts', () => {
    expect(hitTest(pen(), { x: 16, y: 25 }, 1)).toBe(true);
    expect(hitTest(pen(), { x: 14, y: 28 }, 1)).toBe(false);
    const dot = pen({ points: [0, 0, 0.5] });
    expect(hitTest(dot, { x: 11.5, y: 20 }, 0.5)).toBe(true);
    expect(hitTest(dot, { x: 12, y: 20 }, 0.5)).toBe(false);
    expect(hitTest(pen({ rotation: Math.PI }), { x: 1, y: 15 }, 1)).toBe(true);
  });

  it('is selected by a marquee holding it whole', () => {
    expect(intersectsRect(pen(), { minX: 0, minY: 0, maxX: 30, maxY: 30 })).toBe(true);
    expect(intersectsRect(pen(), { minX: 12, minY: 0, maxX: 30, maxY: 30 })).toBe(false);
  });

  it('scales every point exactly and keeps pressures', () => {
    const shape = pen({ rotation: 0.7 });
    const scaling = { anchor: { x: 3, y: 4 }, sx: 2, sy: 0.25 };
    const scaled = { ...shape, ...scale(shape, scaling) };
    const expected = pointsOf(shape.points, 3).map((p) => scalePoint(scaling, localToBoard(shape, p)));
    pointsOf(scaled.points, 3).forEach((p, i) => {
      expect(localToBoard(scaled, p).x).toBeCloseTo(expected[i]!.x);
      expect(localToBoard(scaled, p).y).toBeCloseTo(expected[i]!.y);
    });
    expect([scaled.points[2], scaled.points[5], scaled.points[8]]).toEqual([0.5, 0.6, 0.4]);
  });
});
