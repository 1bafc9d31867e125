import { describe, expect, it } from 'vitest';
import { MAX_PEN_POINTS } from '../../../shared/model';
import { finishStroke, limitPoints, simplifyStroke, smoothStroke } from './simplify';

/** n points along y = 0, 1 unit apart, pressure 0.5. */
const straight = (n: number) => Array.from({ length: n }, (_, i) => [i, 0, 0.5]).flat();

describe('pen stroke simplification', () => {
  it('smooths inner points and leaves the ends where they were drawn', () => {
    const smoothed = smoothStroke([0, 0, 0.2, 10, 8, 1, 20, 0, 0.2]).map((value) => Math.round(value * 1000) / 1000);
    expect(smoothed).toEqual([0, 0, 0.2, 10, 4, 0.6, 20, 0, 0.2]);
    expect(smoothStroke([1, 2, 0.5])).toEqual([1, 2, 0.5]);
  });

  it('drops points within tolerance of a straight run and keeps corners', () => {
    expect(simplifyStroke(straight(50), 0.5)).toEqual([0, 0, 0.5, 49, 0, 0.5]);
    const corner = [0, 0, 0.5, 5, 0, 0.5, 10, 0, 0.5, 10, 5, 0.5, 10, 10, 0.5];
    expect(simplifyStroke(corner, 0.5)).toEqual([0, 0, 0.5, 10, 0, 0.5, 10, 10, 0.5]);
    expect(simplifyStroke([3, 3, 0.1], 0.5)).toEqual([3, 3, 0.1]);
  });

  it('keeps the point limit, first and last included', () => {
    const zigzag = Array.from({ length: 30_000 }, (_, i) => [i, (i % 2) * 10, 0.5]).flat();
    const limited = limitPoints(zigzag, 100);
    expect(limited).toHaveLength(300);
    expect(limited.slice(0, 3)).toEqual([0, 0, 0.5]);
    expect(limited.slice(-3)).toEqual(zigzag.slice(-3));
    const finished = finishStroke(zigzag, 0.1);
    expect(finished.length / 3).toBeLessThanOrEqual(MAX_PEN_POINTS);
    expect(finished.length % 3).toBe(0);
  });
});
