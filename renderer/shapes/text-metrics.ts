/**
 * How big text is. Bounds, hit tests, wrapping and the inline editor all ask
 * here, so a text's box is the box of what is drawn.
 *
 * Widths come from an injected TextMeasurer: the app installs one over a 2D
 * canvas with the font the board draws with (canvas/text-measurer.ts), unit
 * tests install a deterministic one, and until anything is installed the
 * estimate below stands in (Node has no canvas). Heights are one line per
 * line at LINE_HEIGHT_EM, which the views pass to Konva and the canvas uses.
 */

/** Average glyph advance, as a fraction of the font size: the estimate's only assumption. */
export const CHAR_WIDTH_EM = 0.6;
/** Distance between baselines, as a fraction of the font size. */
export const LINE_HEIGHT_EM = 1.25;

/** Width of one line of text (no line breaks) at `fontSize`, in the same units as the font size. */
export type TextMeasurer = (line: string, fontSize: number) => number;

/** Width of the longest line of `text` by the estimate; code points, so an emoji counts once. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, [...line].length);
  return longest * CHAR_WIDTH_EM * fontSize;
}

/** The measurer in use before one is installed: the estimate, so Node code works without a canvas. */
export const estimatingMeasurer: TextMeasurer = estimateTextWidth;

let current: TextMeasurer = estimatingMeasurer;
/** Bumped when the measurer changes, so layouts cached with the old one are not reused. */
let generation = 0;

/** Installs the measurer every layout uses from now on. */
export function setTextMeasurer(measurer: TextMeasurer): void {
  if (measurer === current) return;
  current = measurer;
  generation++;
}

export function textMeasurer(): TextMeasurer {
  return current;
}

/** A counter that changes whenever the measurer does (the key of layout caches). */
export function measurerGeneration(): number {
  return generation;
}

export function lineHeight(fontSize: number): number {
  return LINE_HEIGHT_EM * fontSize;
}

/** Width of the longest line of `text`, measured. */
export function measureTextWidth(text: string, fontSize: number): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, current(line, fontSize));
  return longest;
}

const boxes = new WeakMap<object, { generation: number; box: { w: number; h: number } }>();

/**
 * The laid-out box of a text shape, measured: the longest line wide and one
 * line height per line tall (text shapes break lines only where the text
 * does). The stored `w` is not trusted: fonts differ between machines and
 * older clients stored an estimate; this is what this machine draws. Cached
 * per shape object (the doc hands out frozen shapes).
 */
export function measureTextBox(shape: { text: string; fontSize: number }): { w: number; h: number } {
  const cached = boxes.get(shape);
  if (cached?.generation === generation) return cached.box;
  const box = {
    w: measureTextWidth(shape.text, shape.fontSize),
    h: shape.text.split('\n').length * lineHeight(shape.fontSize),
  };
  boxes.set(shape, { generation, box });
  return box;
}
