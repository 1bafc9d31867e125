import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { estimateTextBox, estimateTextWidth } from '../text-metrics';
import { bounds, hitTest, intersectsRect, scale } from './geometry';

// x 10, y 20, text "Hello", fontSize 24, w 64
const text = (overrides = {}) => exampleShape('text', overrides);

describe('text geometry', () => {
  it('estimates size from characters × 0.6 em and lines × 1.25 em', () => {
    expect(estimateTextWidth('Hello', 20)).toBe(60);
    expect(estimateTextWidth('ab\nabcd', 10)).toBe(24);
    expect(estimateTextBox({ text: 'ab\nabcd', fontSize: 10, w: 0 })).toEqual({ w: 24, h: 25 });
    expect(estimateTextBox({ text: '', fontSize: 10, w: 0 })).toEqual({ w: 0, h: 12.5 });
    // A measured width wins over the estimate.
    expect(estimateTextBox({ text: 'abcdefghij', fontSize: 10, w: 30 })).toEqual({ w: 30, h: 12.5 });
  });

  it('bounds are its box, without stroke; hit anywhere inside', () => {
    expect(bounds(text())).toEqual({ minX: 10, minY: 20, maxX: 74, maxY: 50 });
    expect(hitTest(text(), { x: 40, y: 35 }, 0)).toBe(true);
    expect(hitTest(text(), { x: 76, y: 35 }, 1)).toBe(false);
    expect(hitTest(text(), { x: 75, y: 35 }, 1)).toBe(true);
    expect(intersectsRect(text(), { minX: 0, minY: 0, maxX: 80, maxY: 50 })).toBe(true);
  });

  it('scales uniformly: font size and width together, clamped to the font limits', () => {
    expect(scale(text(), { anchor: { x: 10, y: 20 }, sx: 2, sy: 2 })).toEqual({
      x: 10,
      y: 20,
      rotation: 0,
      fontSize: 48,
      w: 128,
    });
    expect(scale(text(), { anchor: { x: 10, y: 20 }, sx: 100, sy: 100 }).fontSize).toBe(512);
  });
});
