/**
 * A sticky note's text: word-wrapped to the card's inner width, in the
 * note's font size, from the top-left corner inside NOTE_PADDING.
 *
 * Decision: a note grows downwards to fit its text (tldraw's notes do too),
 * rather than shrinking the font (Miro, FigJam), which is harder to predict
 * and to read. The height is written with the text (text-commit.ts) and kept
 * through resizes (geometry.ts), so every painter just draws the card at its
 * `h`. Text that still does not fit (a larger font chosen later, or a peer
 * whose fonts are wider) shows the lines that fit whole and ends the last one
 * with an ellipsis: nothing is drawn outside the card.
 */
import { clampSize } from '../scaling';
import { lineHeight, measurerGeneration, textMeasurer } from '../text-metrics';
import { graphemes, wrapText } from '../text/wrap';

/** Inner margin of a note's text, board units; the views and the inline editor use it too. */
export const NOTE_PADDING = 12;
export const ELLIPSIS = '…';

interface NoteText {
  text: string;
  w: number;
  fontSize: number;
}

/** Width the text wraps at. */
export function noteTextWidth(w: number): number {
  return Math.max(0, w - NOTE_PADDING * 2);
}

const wrapped = new WeakMap<object, { generation: number; lines: string[] }>();

/** Every line of the note's text wrapped to its card, measured; cached per shape object. */
export function noteLines(note: NoteText): string[] {
  const cached = wrapped.get(note);
  if (cached?.generation === measurerGeneration()) return cached.lines;
  const measure = textMeasurer();
  const lines = wrapText(note.text, noteTextWidth(note.w), (line) => measure(line, note.fontSize));
  wrapped.set(note, { generation: measurerGeneration(), lines });
  return lines;
}

/** The card height its text needs: the padding and one line height per wrapped line. */
export function noteContentHeight(note: NoteText): number {
  return NOTE_PADDING * 2 + noteLines(note).length * lineHeight(note.fontSize);
}

/** The height a note should have for its text: its own `h`, grown when the text needs more (within the board's limits). */
export function noteHeightFor(note: NoteText & { h: number }): number {
  return clampSize(Math.max(note.h, noteContentHeight(note)));
}

/** The lines the card shows: those that fit whole, the last one ending in an ellipsis when some are left out. */
export function visibleNoteLines(note: NoteText & { h: number }): string[] {
  const lines = noteLines(note);
  const fits = Math.max(0, Math.floor((note.h - NOTE_PADDING * 2) / lineHeight(note.fontSize) + 1e-9));
  if (lines.length <= fits) return lines;
  if (fits === 0) return [];
  const measure = textMeasurer();
  const width = noteTextWidth(note.w);
  const last = graphemes((lines[fits - 1] ?? '').trimEnd());
  while (last.length > 0 && measure(last.join('') + ELLIPSIS, note.fontSize) > width) last.pop();
  return [...lines.slice(0, fits - 1), last.join('').trimEnd() + ELLIPSIS];
}
