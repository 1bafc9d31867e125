/**
 * The one place that guesses how big text is. Bounds and hit tests must not
 * need a canvas, so they use this estimate; the canvas measures precisely when
 * it draws and may later store the measured width in the shape's `w`.
 */

/** Average glyph advance, as a fraction of the font size. */
export const CHAR_WIDTH_EM = 0.6;
/** Distance between baselines, as a fraction of the font size. */
export const LINE_HEIGHT_EM = 1.25;

/** Width of the longest line of `text`; code points, so an emoji counts once. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, [...line].length);
  return longest * CHAR_WIDTH_EM * fontSize;
}

export function lineHeight(fontSize: number): number {
  return LINE_HEIGHT_EM * fontSize;
}

/**
 * The laid-out box of a text. `w` is its measured width (shared/model
 * text.ts), so it wins over the estimate; 0 means "not measured yet". The
 * height is one line per hard line break: text shapes do not wrap.
 */
export function estimateTextBox(shape: { text: string; fontSize: number; w: number }): { w: number; h: number } {
  const w = shape.w > 0 ? shape.w : estimateTextWidth(shape.text, shape.fontSize);
  return { w, h: shape.text.split('\n').length * lineHeight(shape.fontSize) };
}
