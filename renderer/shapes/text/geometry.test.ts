import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { estimatingMeasurer, setTextMeasurer } from '../text-metrics';
import { bounds, hitTest, intersectsRect, scale } from './geometry';
import { testMeasurer } from './test-measurer';

// x 10, y 20, text "Hello", fontSize 24, w 64 (a stale stored width: measured, 'Hello' is 2 em = 48)
const text = (overrides = {}) => exampleShape('text', overrides);

beforeEach(() => setTextMeasurer(testMeasurer));
afterEach(() => setTextMeasurer(estimatingMeasurer));

describe('text geometry', () => {
  it('bounds are the measured box (not the stored w): the longest line by a line height per line', () => {
    expect(bounds(text())).toEqual({ minX: 10, minY: 20, maxX: 58, maxY: 50 });
    expect(bounds(text({ text: 'mm\nHello\ni' }))).toEqual({ minX: 10, minY: 20, maxX: 58, maxY: 110 });
    expect(bounds(text({ text: 'mmmmmm' })).maxX).toBe(10 + 6 * 18);
  });

  it('is hit anywhere inside its box, and within tolerance of it', () => {
    expect(hitTest(text(), { x: 40, y: 35 }, 0)).toBe(true);
    expect(hitTest(text(), { x: 60, y: 35 }, 1)).toBe(false);
    expect(hitTest(text(), { x: 59, y: 35 }, 1)).toBe(true);
    expect(intersectsRect(text(), { minX: 0, minY: 0, maxX: 58, maxY: 50 })).toBe(true);
    expect(intersectsRect(text(), { minX: 0, minY: 0, maxX: 57, maxY: 50 })).toBe(false);
  });

  it('scales uniformly: the font size grows and the width is measured again at it', () => {
    expect(scale(text(), { anchor: { x: 10, y: 20 }, sx: 2, sy: 2 })).toEqual({
      x: 10,
      y: 20,
      rotation: 0,
      fontSize: 48,
      w: 96,
    });
    expect(scale(text(), { anchor: { x: 10, y: 20 }, sx: 100, sy: 100 }).fontSize).toBe(512);
  });
});
