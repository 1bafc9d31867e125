import { describe, expect, it } from 'vitest';
import { Column, percentile, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the value at rank ceil(p/100 * n)', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBe(20);
    expect(percentile([15, 20, 35, 40, 50], 50)).toBe(35);
  });

  it('returns a measured value, never an interpolation', () => {
    expect(percentile([1, 10], 50)).toBe(1);
    expect(percentile([1, 10], 51)).toBe(10);
  });

  it('p0 is the minimum; an empty array gives NaN; p outside 0-100 throws', () => {
    expect(percentile([3, 4], 0)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts numerically (not as strings) without touching the input', () => {
    const input = [10, 9, 100, 1];
    const summary = summarize(input);
    expect(input).toEqual([10, 9, 100, 1]);
    expect(summary).toEqual({ count: 4, min: 1, mean: 30, p50: 9, p95: 100, p99: 100, max: 100 });
  });

  it('of nothing is all NaN with count 0', () => {
    const summary = summarize(new Float64Array(0));
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.max).toBeNaN();
  });
});

describe('Column', () => {
  it('grows past its capacity and copies out exactly what was pushed', () => {
    const column = new Column(2);
    for (let i = 0; i < 5; i++) column.push(i * 1.5);
    column.set(0, -1);
    expect(column.length).toBe(5);
    expect(Array.from(column.toArray())).toEqual([-1, 1.5, 3, 4.5, 6]);
    expect(() => column.set(5, 0)).toThrow(RangeError);
  });
});
