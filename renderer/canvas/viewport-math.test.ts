import { describe, expect, it } from 'vitest';
import {
  boardToScreen,
  boxesIntersect,
  MAX_WHEEL_ZOOM_STEP,
  panByWheel,
  pinchViewport,
  visibleBox,
  wheelDeltaPx,
  wheelZoomFactor,
  zoomAround,
  zoomByWheel,
} from './viewport-math';

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

  it('zooms at most 10 % per mouse wheel notch, in either direction, however big the delta', () => {
    // Chromium reports a notch as deltaY 100 px; Firefox as 3 lines (48 px once converted).
    for (const notch of [100, 120, wheelDeltaPx(3, 1, 800), 1000]) {
      expect(wheelZoomFactor(-notch)).toBeCloseTo(MAX_WHEEL_ZOOM_STEP);
      expect(wheelZoomFactor(notch)).toBeCloseTo(1 / MAX_WHEEL_ZOOM_STEP);
    }
    expect(MAX_WHEEL_ZOOM_STEP).toBeLessThanOrEqual(1.1);
    // Five notches in from 100 % are about 161 %, nowhere near the 800 % maximum.
    let viewport = { x: 0, y: 0, zoom: 1 };
    for (let notch = 0; notch < 5; notch++) viewport = zoomByWheel(viewport, { x: 0, y: 0 }, -100);
    expect(viewport.zoom).toBeCloseTo(MAX_WHEEL_ZOOM_STEP ** 5);
  });

  it('zooms a trackpad pinch in proportion to its small deltas, and a notch out undoes a notch in', () => {
    expect(wheelZoomFactor(0)).toBe(1);
    const small = Math.log(wheelZoomFactor(-2));
    expect(Math.log(wheelZoomFactor(-4))).toBeCloseTo(2 * small);
    expect(wheelZoomFactor(-2)).toBeGreaterThan(1);
    expect(wheelZoomFactor(3) * wheelZoomFactor(-3)).toBeCloseTo(1);
    const start = { x: 12, y: 34, zoom: 1.3 };
    const cursor = { x: 250, y: 90 };
    const back = zoomByWheel(zoomByWheel(start, cursor, -100), cursor, 100);
    expect(back.zoom).toBeCloseTo(start.zoom);
    expect(back.x).toBeCloseTo(start.x);
    expect(back.y).toBeCloseTo(start.y);
  });

  it('pinches: the zoom follows the fingers apart, the board under their midpoint follows the midpoint', () => {
    const start = { x: 10, y: 20, zoom: 1 };
    const a0 = { x: 100, y: 100 };
    const b0 = { x: 200, y: 100 };
    // Apart to twice the distance, about the same midpoint: 2×, the midpoint's board point still.
    const wider = pinchViewport(start, a0, b0, { x: 50, y: 100 }, { x: 250, y: 100 });
    expect(wider.zoom).toBeCloseTo(2);
    expect(wider.x + 150 / wider.zoom).toBeCloseTo(start.x + 150 / start.zoom);
    expect(wider.y + 100 / wider.zoom).toBeCloseTo(start.y + 100 / start.zoom);
    // Both fingers moved 30 px right at the same distance: a pan of 30 screen px, no zoom.
    const panned = pinchViewport(start, a0, b0, { x: 130, y: 100 }, { x: 230, y: 100 });
    expect(panned).toEqual({ x: -20, y: 20, zoom: 1 });
    // Clamped like every zoom; two fingers on one spot do not divide by zero.
    expect(pinchViewport(start, a0, b0, { x: 0, y: 0 }, { x: 10000, y: 0 }).zoom).toBe(8);
    expect(pinchViewport(start, a0, a0, a0, b0).zoom).toBe(1);
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
