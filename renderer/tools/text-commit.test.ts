import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimatingMeasurer, setTextMeasurer } from '../shapes';
import { testMeasurer } from '../shapes/text/test-measurer';
import { createHarness } from './testing/harness';
import { note, text } from './testing/shapes';
import { commitShapeText } from './text-commit';

beforeEach(() => setTextMeasurer(testMeasurer));
afterEach(() => setTextMeasurer(estimatingMeasurer));

describe('commitShapeText', () => {
  it('stores a text shape with its measured width', () => {
    const h = createHarness();
    h.seed(text('t', 0, 0, 'old'));
    expect(commitShapeText(h.board, 't', 'mmm\nii')).toBe('updated');
    expect(h.board.get('t')).toMatchObject({ text: 'mmm\nii', w: 3 * 0.75 * 20 }); // the longest line, 'mmm'
  });

  it('grows a note to fit its text, and keeps the card when the text fits', () => {
    const h = createHarness();
    h.seed(note('n', 0, 0, 100, 100)); // font 20: the text wraps at 76, a line is 25 tall
    expect(commitShapeText(h.board, 'n', 'abcd abcd abcd abcd abcd')).toBe('updated'); // one word a line
    expect(h.board.get('n')).toMatchObject({ w: 100, h: 24 + 5 * 25 });
    commitShapeText(h.board, 'n', 'abcd');
    expect(h.board.get('n')).toMatchObject({ text: 'abcd', h: 24 + 5 * 25 }); // never shrinks on its own
  });
});
