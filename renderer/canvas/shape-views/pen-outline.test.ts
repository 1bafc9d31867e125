import { describe, expect, it } from 'vitest';
import { penOutline } from './pen-outline';

describe('penOutline', () => {
  it('is empty for a single point (the view draws a dot)', () => {
    expect(penOutline([1, 2, 0.5], 4)).toEqual([]);
    expect(penOutline([1, 2, 0.5, 1, 2, 0.5], 4)).toEqual([]);
  });

  it('surrounds a straight stroke at half the pressure width on each side', () => {
    const outline = penOutline([0, 0, 0.5, 10, 0, 0.5], 4); // width 4 at pressure 0.5
    const ys = outline.filter((_, i) => i % 2 === 1);
    expect(Math.max(...ys)).toBeCloseTo(2);
    expect(Math.min(...ys)).toBeCloseTo(-2);
    const xs = outline.filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs)).toBeCloseTo(12, 0); // the round cap reaches past the end
    expect(Math.min(...xs)).toBeCloseTo(-2, 0);
  });

  it('gets wider where the pressure is higher', () => {
    const outline = penOutline([0, 0, 0, 10, 0, 1], 4);
    expect(outline[1]).toBeCloseTo(1); // width 2 at pressure 0
    expect(outline[3]).toBeCloseTo(3); // width 6 at pressure 1
  });
});
