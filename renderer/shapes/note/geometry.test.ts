import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { estimatingMeasurer, setTextMeasurer } from '../text-metrics';
import { testMeasurer } from '../text/test-measurer';
import { bounds, hitTest, intersectsRect, scale } from './geometry';

// x 10, y 20, w 200, h 200, fontSize 20
const note = (overrides = {}) => exampleShape('note', overrides);

beforeEach(() => setTextMeasurer(testMeasurer));
afterEach(() => setTextMeasurer(estimatingMeasurer));

describe('note geometry', () => {
  it('is its card: bounds without stroke, hit anywhere inside, turned about (x, y)', () => {
    expect(bounds(note())).toEqual({ minX: 10, minY: 20, maxX: 210, maxY: 220 });
    expect(hitTest(note(), { x: 110, y: 120 }, 0)).toBe(true);
    expect(hitTest(note(), { x: 215, y: 120 }, 4)).toBe(false);
    expect(hitTest(note({ rotation: Math.PI }), { x: -90, y: -80 }, 0)).toBe(true);
    expect(intersectsRect(note(), { minX: 10, minY: 20, maxX: 210, maxY: 220 })).toBe(true);
  });

  it('resizes the card and keeps the font size', () => {
    expect(scale(note(), { anchor: { x: 10, y: 20 }, sx: 1.5, sy: 1 })).toEqual({
      x: 10,
      y: 20,
      w: 300,
      h: 200,
      rotation: 0,
    });
  });

  it('stays tall enough for its text when resized, growing from its top edge', () => {
    // 20 words of 4 letters at 20 px, 40 wide with 5 between: 176 inner width holds 4 a line (175), 76 holds 1.
    const wordy = note({ text: 'abcd '.repeat(20).trim() });
    expect(scale(wordy, { anchor: { x: 10, y: 20 }, sx: 1, sy: 0.5 })).toMatchObject({ y: 20, h: 24 + 5 * 25 });
    expect(scale(wordy, { anchor: { x: 10, y: 20 }, sx: 0.5, sy: 1 })).toMatchObject({ w: 100, h: 24 + 20 * 25 });
  });
});
