import { describe, expect, it } from 'vitest';
import { boardToScreen, boxesIntersect, panByWheel, visibleBox, zoomAround, zoomByWheel } from './viewport-math';

describe('viewport math', () => {
  it('shows the board box from the top-left point over the screen size at the zoom', () => {
    expect(visibleBox({ x: 10, y: 20, zoom: 2 }, { width: 200, height: 100 })).toEqual({
      minX: 10,
      minY: 20,
      maxX: 110,
      maxY: 70,
    });
  });

  it('keeps the board point under the cursor still when zooming', () => {
    const before = { x: 5, y: -7, zoom: 1.5 };
    const cursor = { x: 300, y: 120 };
    const after = zoomAround(before, cursor, 3);
    const boardUnder = (v: typeof before) => ({ x: v.x + cursor.x / v.zoom, y: v.y + cursor.y / v.zoom });
    expect(boardUnder(after).x).toBeCloseTo(boardUnder(before).x);
    expect(boardUnder(after).y).toBeCloseTo(boardUnder(before).y);
    expect(boardToScreen(after, boardUnder(before)).x).toBeCloseTo(300);
  });

  it('clamps zoom to 10 %–800 %', () => {
    expect(zoomAround({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 100).zoom).toBe(8);
    expect(zoomByWheel({ x: 0, y: 0, zoom: 0.1 }, { x: 0, y: 0 }, 1000).zoom).toBe(0.1);
    expect(zoomByWheel({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, -100).zoom).toBeGreaterThan(1);
  });

  it('pans by screen pixels, whatever the zoom', () => {
    expect(panByWheel({ x: 0, y: 0, zoom: 2 }, 20, -40)).toEqual({ x: 10, y: -20, zoom: 2 });
  });

  it('tells overlapping boxes from apart ones', () => {
    const a = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(boxesIntersect(a, { minX: 5, minY: 5, maxX: 20, maxY: 20 })).toBe(true);
    expect(boxesIntersect(a, { minX: 11, minY: 0, maxX: 20, maxY: 10 })).toBe(false);
  });
});
