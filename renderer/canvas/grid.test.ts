import { describe, expect, it } from 'vitest';
import { GRID_SIZE } from '../tools/constants';
import { FULL_SPACING_PX, gridLevels, gridLines, MIN_SPACING_PX } from './grid';

describe('grid', () => {
  it('keeps minor lines at least MIN_SPACING_PX apart by going coarser as the zoom falls', () => {
    expect(gridLevels(1)).toEqual({ minorStep: GRID_SIZE, minorAlpha: 1, majorStep: GRID_SIZE * 5 });
    for (const zoom of [0.1, 0.2, 0.29, 0.3, 0.5, 1, 4, 8]) {
      const { minorStep, majorStep } = gridLevels(zoom);
      expect(minorStep * zoom, `zoom ${zoom}`).toBeGreaterThanOrEqual(MIN_SPACING_PX);
      expect(majorStep).toBe(minorStep * 5);
    }
    expect(gridLevels(0.2).minorStep).toBe(GRID_SIZE * 5);
  });

  it('fades minor lines in between the two spacings, so zooming does not jump', () => {
    const faint = gridLevels(MIN_SPACING_PX / GRID_SIZE);
    expect(faint.minorAlpha).toBe(0);
    const half = gridLevels((MIN_SPACING_PX + FULL_SPACING_PX) / 2 / GRID_SIZE);
    expect(half.minorAlpha).toBeCloseTo(0.5);
  });

  it('places lines on board multiples of the step, in screen pixels, majors apart from minors', () => {
    const lines = gridLines({ x: -10, y: 0, zoom: 2 }, { width: 100, height: 50 });
    // Board x from -10 to 40: minor lines at 20 (screen 60), major at 0 (screen 20); 40 is at the far edge.
    expect(lines.majorX).toEqual([20]);
    expect(lines.minorX).toEqual([60, 100]);
    expect(lines.majorY).toEqual([0]);
    expect(lines.minorY).toEqual([40]);
  });

  it('draws a bounded number of lines however far out it is zoomed', () => {
    const lines = gridLines({ x: -1e6, y: -1e6, zoom: 0.1 }, { width: 4000, height: 3000 });
    expect(lines.minorX.length + lines.majorX.length).toBeLessThanOrEqual(4000 / MIN_SPACING_PX + 2);
  });
});
