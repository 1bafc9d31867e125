import { afterEach, describe, expect, it } from 'vitest';
import { testMeasurer } from './text/test-measurer';
import {
  estimateTextWidth,
  estimatingMeasurer,
  measureTextBox,
  measureTextWidth,
  measurerGeneration,
  setTextMeasurer,
  textMeasurer,
} from './text-metrics';

afterEach(() => setTextMeasurer(estimatingMeasurer));

describe('text metrics', () => {
  it('estimates from characters × 0.6 em until a measurer is installed', () => {
    expect(textMeasurer()).toBe(estimatingMeasurer);
    expect(estimateTextWidth('Hello', 20)).toBe(60);
    expect(estimateTextWidth('ab\nabcd', 10)).toBe(24);
    expect(measureTextWidth('ab\nabcd', 10)).toBe(24);
  });

  it('measures with the installed measurer: the longest line wide, a line height per line tall', () => {
    setTextMeasurer(testMeasurer);
    expect(measureTextWidth('mmm\niiii', 20)).toBe(45); // 3 × 0.75 em beats 4 × 0.25 em
    expect(measureTextBox({ text: 'mmm\niiii', fontSize: 20 })).toEqual({ w: 45, h: 50 });
    expect(measureTextBox({ text: '', fontSize: 10 })).toEqual({ w: 0, h: 12.5 });
  });

  it('does not reuse a box measured with another measurer', () => {
    const shape = { text: 'mmmm', fontSize: 10 };
    expect(measureTextBox(shape).w).toBe(24);
    const before = measurerGeneration();
    setTextMeasurer(testMeasurer);
    expect(measurerGeneration()).toBe(before + 1);
    expect(measureTextBox(shape).w).toBe(30);
  });
});
