import { describe, expect, it } from 'vitest';
import { AREA, jumpTargets, MIN_JUMP_PX, SWEEP_STEP_PX, sweepPlan } from './plan';

describe('jumpTargets', () => {
  it('gives integer points inside the area, each far from the one before, the same every run', () => {
    const points = jumpTargets(200);
    expect(points).toHaveLength(200);
    expect(jumpTargets(200)).toEqual(points);
    for (const [i, point] of points.entries()) {
      expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
      expect(point.x).toBeGreaterThanOrEqual(AREA.minX);
      expect(point.x).toBeLessThanOrEqual(AREA.maxX);
      expect(point.y).toBeGreaterThanOrEqual(AREA.minY);
      expect(point.y).toBeLessThanOrEqual(AREA.maxY);
      const before = points[i - 1];
      if (before) expect(Math.hypot(point.x - before.x, point.y - before.y)).toBeGreaterThanOrEqual(MIN_JUMP_PX);
    }
  });
});

describe('sweepPlan', () => {
  it('gives each sweep its own line and x steps growing across the area', () => {
    const sweeps = sweepPlan(12);
    expect(new Set(sweeps.map((sweep) => sweep.y)).size).toBe(12);
    const [first] = sweeps;
    expect(first!.xs[0]).toBe(AREA.minX);
    expect(first!.xs.at(-1)).toBeLessThanOrEqual(AREA.maxX);
    expect(first!.xs.every((x, i) => i === 0 || x - first!.xs[i - 1]! === SWEEP_STEP_PX)).toBe(true);
  });
});
