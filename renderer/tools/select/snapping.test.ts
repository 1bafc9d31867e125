import { describe, expect, it } from 'vitest';
import { guidesFor, nearestShift, snapBox, snapPointToGrid, snapValues, stopsOf, toGrid } from './snapping';

const box = (minX: number, minY: number, w: number, h: number) => ({ minX, minY, maxX: minX + w, maxY: minY + h });

describe('snapping maths', () => {
  it('snaps by edges and centres', () => {
    expect(stopsOf(box(10, 20, 100, 40), 'x')).toEqual([10, 60, 110]);
    expect(stopsOf(box(10, 20, 100, 40), 'y')).toEqual([20, 40, 60]);
  });

  it('takes the smallest shift within the threshold, and none beyond it', () => {
    expect(nearestShift([0, 50, 100], [104, 53], 5)).toBe(3);
    expect(nearestShift([0, 50, 100], [106, -6], 5)).toBe(0);
    expect(nearestShift([10], [5, 15], 5)).toBe(-5); // a tie keeps the first found
    expect(nearestShift([], [1], 5)).toBe(0);
  });

  it('pulls a moving box onto a neighbour: left edge to right edge, centre to centre', () => {
    const other = box(200, 0, 100, 100);
    // Left edge 303 is 3 from the other's right edge 300; its top 48 is 2 from the other's centre 50... but
    // its middle (48 + 25 = 73) and bottom (98) are nearer other stops: bottom 98 → 100 wins (2), tied with top.
    expect(snapBox(box(303, 48, 50, 50), [other], 6)).toEqual({ dx: -3, dy: 2 });
    expect(snapBox(box(400, 400, 50, 50), [other], 6)).toEqual({ dx: 0, dy: 0 });
    expect(snapValues([197], [other], 'x', 6)).toBe(3);
  });

  it('draws a guide along each stop that meets another, spanning both boxes', () => {
    const other = box(0, 0, 100, 100);
    const moved = box(100, 300, 50, 50);
    expect(guidesFor(moved, [other])).toEqual([{ axis: 'x', at: 100, from: 0, to: 350 }]);
    const beside = box(200, 0, 40, 100);
    const guides = guidesFor(beside, [other]);
    expect(guides).toContainEqual({ axis: 'y', at: 0, from: 0, to: 240 });
    expect(guides).toContainEqual({ axis: 'y', at: 50, from: 0, to: 240 });
    expect(guides).toContainEqual({ axis: 'y', at: 100, from: 0, to: 240 });
    expect(guidesFor(box(500, 500, 10, 10), [other])).toEqual([]);
  });

  it('rounds to the grid', () => {
    expect(toGrid(29, 20)).toBe(20);
    expect(toGrid(31, 20)).toBe(40);
    expect(toGrid(-29, 20)).toBe(-20);
    expect(snapPointToGrid({ x: 33, y: -11 }, 20)).toEqual({ dx: 7, dy: -9 });
  });
});
