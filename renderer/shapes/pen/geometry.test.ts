import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { localToBoard } from '../frame';
import { pointsOf } from '../polyline';
import { scalePoint } from '../scaling';
import { bounds, hitTest, intersectsRect, scale } from './geometry';
import { penOutline, penWidthAt } from './outline';

// x 10, y 20, stroke 2, points (0, 0) p.5, (4, 3) p.6, (9, 5) p.4
const pen = (overrides = {}) => exampleShape('pen', overrides);
/** A horizontal stroke at the shape's origin, 100 long, at one real pressure. */
const bar = (pressure: number, overrides = {}) =>
  pen({ points: [0, 0, pressure, 25, 0, pressure, 50, 0, pressure, 75, 0, pressure, 100, 0, pressure], ...overrides });

describe('pen geometry', () => {
  it('bounds are the outline box: thickness and round caps included', () => {
    const shape = bar(0.8, { style: { stroke: '#000000', fill: 'none', strokeWidth: 10 } });
    const box = bounds(shape);
    const half = penWidthAt(10, 0.8) / 2;
    expect(box.minY).toBeCloseTo(20 - half, 1);
    expect(box.maxY).toBeCloseTo(20 + half, 1);
    expect(box.minX).toBeCloseTo(10 - half, 0);
    expect(box.maxX).toBeCloseTo(110 + half, 0);
    for (const shapeWithTurn of [pen(), pen({ rotation: 0.9 }), pen({ points: [3, 4, 0.5] })]) {
      const outer = bounds(shapeWithTurn);
      const outline = pointsOf(penOutline(shapeWithTurn.points, 2), 2).map((p) => localToBoard(shapeWithTurn, p));
      expect(outline.length).toBeGreaterThan(0);
      for (const p of outline) {
        expect(p.x).toBeGreaterThanOrEqual(outer.minX - 1e-9);
        expect(p.x).toBeLessThanOrEqual(outer.maxX + 1e-9);
        expect(p.y).toBeGreaterThanOrEqual(outer.minY - 1e-9);
        expect(p.y).toBeLessThanOrEqual(outer.maxY + 1e-9);
      }
      expect(outline.some((p) => Math.abs(p.x - outer.minX) < 1e-9)).toBe(true);
      expect(outline.some((p) => Math.abs(p.y - outer.maxY) < 1e-9)).toBe(true);
    }
  });

  it('is hit on the ink and within tolerance of its edge, not beyond', () => {
    const shape = bar(1, { style: { stroke: '#000000', fill: 'none', strokeWidth: 10 } }); // 15 wide
    expect(hitTest(shape, { x: 60, y: 26 }, 0)).toBe(true); // inside the ink, 6 below the centre line
    expect(hitTest(shape, { x: 60, y: 29 }, 0)).toBe(false); // 1.5 past the edge
    expect(hitTest(shape, { x: 60, y: 29 }, 2)).toBe(true);
    expect(hitTest(shape, { x: 60, y: 40 }, 2)).toBe(false);
    expect(hitTest(bar(0), { x: 60, y: 21.2 }, 0)).toBe(false); // pressure 0 is half as wide: 0.5 each side
  });

  it('a lone point is a dot and rotation counts', () => {
    const dot = pen({ points: [0, 0, 0.75] }); // 2.5 wide
    expect(hitTest(dot, { x: 11.2, y: 20 }, 0)).toBe(true);
    expect(hitTest(dot, { x: 12, y: 20 }, 0.5)).toBe(false);
    const turned = bar(0.5, { rotation: Math.PI / 2 }); // points down from (10, 20)
    expect(hitTest(turned, { x: 10, y: 80 }, 0)).toBe(true);
    expect(hitTest(turned, { x: 70, y: 20 }, 0)).toBe(false);
  });

  it('is selected by a marquee holding it whole', () => {
    expect(intersectsRect(pen(), { minX: 0, minY: 0, maxX: 30, maxY: 30 })).toBe(true);
    expect(intersectsRect(pen(), { minX: 10, minY: 0, maxX: 30, maxY: 30 })).toBe(false); // the round start cap sticks out
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
