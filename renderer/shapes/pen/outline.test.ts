import { describe, expect, it } from 'vitest';
import { distanceToSegment } from '../math';
import { pointsOf } from '../polyline';
import { hasRealPressure, penOutline, penWidthAt } from './outline';

/** A straight stroke along y = 0 from x = 0, `count` points `step` apart, each with `pressure`. */
function straight(count: number, step: number, pressure: number | ((i: number) => number)): number[] {
  const points: number[] = [];
  for (let i = 0; i < count; i++) points.push(i * step, 0, typeof pressure === 'number' ? pressure : pressure(i));
  return points;
}

/** Half the stroke's width at x: the largest |y| of the outline near there. */
function halfWidthAt(outline: readonly number[], x: number): number {
  const near = pointsOf(outline, 2).filter((p) => Math.abs(p.x - x) < 2);
  return Math.max(...near.map((p) => Math.abs(p.y)));
}

/** Nonzero winding of the ring around p: the canvas fills p exactly when this is not 0. */
function winds(outline: readonly number[], p: { x: number; y: number }): boolean {
  const ring = pointsOf(outline, 2);
  let winding = 0;
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length]!;
    const side = (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y);
    if (a.y <= p.y && b.y > p.y && side > 0) winding++;
    else if (a.y > p.y && b.y <= p.y && side < 0) winding--;
  });
  return winding !== 0;
}

describe('penOutline', () => {
  it('is a closed ring around every point of the stroke', () => {
    // A wave sampled a unit apart, like pointer input, with the pressure varying along it.
    const points: number[] = [];
    for (let x = 0; x <= 80; x++) points.push(x, 10 * Math.sin(x / 10), 0.3 + 0.5 * (x / 80));
    const outline = penOutline(points, 4);
    const ring = pointsOf(outline, 2);
    expect(ring.length).toBeGreaterThan(10);
    // Closed: the last vertex leads back to the first around the start cap, not across the stroke.
    const first = ring[0]!;
    const last = ring.at(-1)!;
    expect(Math.hypot(first.x - last.x, first.y - last.y)).toBeLessThan(penWidthAt(4, 1) / 2);
    // Every vertex hugs the stroke's path: half the widest width away, plus a little smoothing.
    const path = pointsOf(points, 3);
    for (const p of ring) {
      const nearest = Math.min(...path.slice(1).map((b, i) => distanceToSegment(p, path[i]!, b)));
      expect(nearest).toBeLessThanOrEqual(penWidthAt(4, 0.8) / 2 + 0.5);
    }
    // The ends are inside the ink; perfect-freehand's streamline may pull the inner points a little.
    expect(winds(outline, { x: 0, y: 0 })).toBe(true);
    expect(winds(outline, { x: 80, y: 10 * Math.sin(8) })).toBe(true);
    expect(winds(outline, { x: 40, y: 20 })).toBe(false);
  });

  it('draws a lone point as a round dot as wide as the stroke at its pressure', () => {
    const outline = penOutline([5, 7, 0.8], 4);
    const ring = pointsOf(outline, 2);
    expect(ring.length).toBeGreaterThanOrEqual(8);
    for (const p of ring) expect(Math.hypot(p.x - 5, p.y - 7)).toBeCloseTo(penWidthAt(4, 0.8) / 2, 1);
    expect(winds(outline, { x: 5, y: 7 })).toBe(true);
    // The same point twice (a click that did not move) is the same dot.
    expect(penOutline([5, 7, 0.8, 5, 7, 0.8], 4)).toEqual(outline);
    expect(penOutline([], 4)).toEqual([]);
  });

  it('follows real pressure: the width is penWidthAt(strokeWidth, pressure)', () => {
    expect(halfWidthAt(penOutline(straight(30, 4, 0.2), 4), 60)).toBeCloseTo(penWidthAt(4, 0.2) / 2, 2);
    expect(halfWidthAt(penOutline(straight(30, 4, 0.9), 4), 60)).toBeCloseTo(penWidthAt(4, 0.9) / 2, 2);
    const swelling = penOutline(
      straight(40, 4, (i) => (i < 20 ? 0.1 : 1)),
      4,
    );
    expect(halfWidthAt(swelling, 140)).toBeGreaterThan(halfWidthAt(swelling, 30) * 2);
  });

  it('simulates pressure for a stroke without any (all 0.5): slow is wider than fast', () => {
    expect(hasRealPressure(straight(5, 4, 0.5))).toBe(false);
    expect(hasRealPressure([...straight(5, 4, 0.5), 30, 0, 0.51])).toBe(true);
    const slow = penOutline(straight(200, 0.5, 0.5), 2);
    const fast = penOutline(straight(20, 5, 0.5), 2);
    expect(halfWidthAt(slow, 50)).toBeGreaterThan(halfWidthAt(fast, 50) * 1.5);
    // Simulation depends only on the points, so every painter draws a stroke the same way.
    expect(penOutline(straight(20, 5, 0.5).slice(), 2)).toEqual(fast);
  });

  it('scales with the stroke width and is outlined once per points array', () => {
    const points = straight(30, 4, 0.7);
    const thin = penOutline(points, 2);
    expect(penOutline(points, 2)).toBe(thin);
    expect(halfWidthAt(penOutline(points, 8), 60)).toBeCloseTo(halfWidthAt(thin, 60) * 4, 2);
  });
});
