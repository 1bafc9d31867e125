import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimatingMeasurer, setTextMeasurer } from '../text-metrics';
import { testMeasurer } from '../text/test-measurer';
import { noteContentHeight, noteHeightFor, noteLines, noteTextWidth, NOTE_PADDING, visibleNoteLines } from './layout';

beforeEach(() => setTextMeasurer(testMeasurer));
afterEach(() => setTextMeasurer(estimatingMeasurer));

// Font size 10: letters 5 wide, a line 12.5 tall. A card 84 wide wraps at 60.
const note = (text: string, h = 200) => ({ text, w: 84, h, fontSize: 10 });

describe('note layout', () => {
  it('wraps the text to the card inside its padding', () => {
    expect(noteTextWidth(84)).toBe(60);
    expect(noteTextWidth(10)).toBe(0);
    expect(noteLines(note('the quick brown fox jumps'))).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(noteContentHeight(note('the quick brown fox jumps'))).toBe(NOTE_PADDING * 2 + 3 * 12.5);
  });

  it('grows the card to fit its text and never shrinks it', () => {
    const long = 'word '.repeat(40).trim(); // two words a line: 20 lines
    expect(noteLines(note(long))).toHaveLength(20);
    expect(noteHeightFor(note(long))).toBe(24 + 20 * 12.5);
    expect(noteHeightFor(note('short'))).toBe(200);
    expect(noteHeightFor(note('', 10))).toBe(24 + 12.5); // an empty note still holds one line
  });

  it('shows the lines that fit whole and ends the last one with an ellipsis', () => {
    const card = note('aaaa bbbb cccc dddd eeee ffff', 24 + 2 * 12.5 + 5); // room for two lines and a bit
    expect(noteLines(card)).toEqual(['aaaa bbbb', 'cccc dddd', 'eeee ffff']);
    expect(visibleNoteLines(card)).toEqual(['aaaa bbbb', 'cccc dddd…']);
    // A full line gives up letters for the ellipsis: 12 letters fill the 60, 11 and '…' do too.
    const full = { ...card, text: 'aaaa bbbb cccccccccccc dd' };
    expect(visibleNoteLines(full)).toEqual(['aaaa bbbb', 'ccccccccccc…']);
    expect(visibleNoteLines(note('aaaa bbbb cccc'))).toEqual(['aaaa bbbb', 'cccc']);
    expect(visibleNoteLines(note('aaaa', 20))).toEqual([]);
  });
});
