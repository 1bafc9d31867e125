/**
 * Where a shape's label is drawn, in the shape's own frame (so it moves,
 * turns and scales with the shape). Every painter (canvas, Konva views, SVG)
 * and the inline editor read this, so the editor sits exactly on the label.
 *
 * - Rectangle and ellipse: wrapped (text/wrap.ts) to the shape's inner width
 *   (an ellipse's inscribed rectangle, less LABEL_PADDING), centred
 *   vertically; a label taller than the shape grows it on commit
 *   (labelledHeightFor), as a note grows for its text.
 * - Line and arrow: centred on the midpoint of the path (by length), wrapped
 *   to ARROW_LABEL_WIDTH_FRACTION of the path (at least
 *   ARROW_LABEL_MIN_WIDTH_EM ems); the path leaves a gap around the text
 *   (`gap`, ./gap.ts) so the line never crosses it.
 *
 * `align` places lines across the label's box; labels are centred unless the
 * style panel says otherwise (shared/model/shapes/label.ts).
 */
import { labelAlignOf, labelFontSizeOf, type TextAlign } from '../../../shared/model';
import type { Box, Point } from '../math';
import { pointsOf } from '../polyline';
import { clampSize } from '../scaling';
import { lineHeight, measurerGeneration, textMeasurer } from '../text-metrics';
import { wrapText } from '../text/wrap';
import type { DraftOf } from '../types';

/** Inner margin between a box shape's outline and its label, board units. */
export const LABEL_PADDING = 8;
export const ARROW_LABEL_WIDTH_FRACTION = 0.7;
export const ARROW_LABEL_MIN_WIDTH_EM = 8;
/** Space the path keeps clear around an arrow's label, as a fraction of its font size. */
export const ARROW_LABEL_GAP_EM = 0.3;

export type LabelledShape = DraftOf<'rect'> | DraftOf<'ellipse'> | DraftOf<'line'> | DraftOf<'arrow'>;

export interface LabelLayout {
  lines: string[];
  fontSize: number;
  align: TextAlign;
  /** The box the lines are laid out in (local frame): each line aligned across `w`, one line height each. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Line and arrow: the box the path must stay out of (local frame). */
  gap: Box | null;
}

/** Whether the shape kind carries a label. */
export function isLabelled(shape: { type: string }): shape is LabelledShape {
  return shape.type === 'rect' || shape.type === 'ellipse' || shape.type === 'line' || shape.type === 'arrow';
}

/** Whether it has a label to draw. */
export function hasLabel(shape: { type: string; label?: string }): shape is LabelledShape & { label: string } {
  return isLabelled(shape) && typeof shape.label === 'string' && shape.label !== '';
}

/** The box inside a rectangle or ellipse that its label wraps in. */
export function labelArea(shape: DraftOf<'rect'> | DraftOf<'ellipse'>): { x: number; y: number; w: number; h: number } {
  // An ellipse's inscribed rectangle is 1/√2 of its box on each axis.
  const inset = shape.type === 'ellipse' ? (1 - Math.SQRT1_2) / 2 : 0;
  const x = shape.w * inset + LABEL_PADDING;
  const y = shape.h * inset + LABEL_PADDING;
  return { x, y, w: Math.max(0, shape.w - 2 * x), h: Math.max(0, shape.h - 2 * y) };
}

/** Each straight piece of a path, with its length. */
function pathSteps(path: readonly Point[]): { a: Point; b: Point; length: number }[] {
  const steps: { a: Point; b: Point; length: number }[] = [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Point;
    const b = path[i] as Point;
    steps.push({ a, b, length: Math.hypot(b.x - a.x, b.y - a.y) });
  }
  return steps;
}

/** The point halfway along the path, and the path's length. */
export function pathMidpoint(path: readonly Point[]): { point: Point; length: number } {
  const steps = pathSteps(path);
  const length = steps.reduce((sum, step) => sum + step.length, 0);
  let left = length / 2;
  for (const { a, b, length: step } of steps) {
    if (step > 0 && left <= step) {
      const t = left / step;
      return { point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, length };
    }
    left -= step;
  }
  return { point: path[0] ?? { x: 0, y: 0 }, length };
}

function wrapLines(text: string, width: number, fontSize: number): string[] {
  const measure = textMeasurer();
  return wrapText(text, width, (line) => measure(line, fontSize));
}

/** The layout of `text` as the shape's label (default: its own label, even when empty). Not cached. */
export function layoutLabel(shape: LabelledShape, text: string = shape.label ?? ''): LabelLayout {
  const fontSize = labelFontSizeOf(shape);
  const align = labelAlignOf(shape);
  const step = lineHeight(fontSize);
  if (shape.type === 'rect' || shape.type === 'ellipse') {
    const area = labelArea(shape);
    const lines = wrapLines(text, area.w, fontSize);
    const h = lines.length * step;
    return { lines, fontSize, align, x: area.x, y: shape.h / 2 - h / 2, w: area.w, h, gap: null };
  }
  const { point, length } = pathMidpoint(pointsOf(shape.points, 2));
  const wrapWidth = Math.max(ARROW_LABEL_MIN_WIDTH_EM * fontSize, ARROW_LABEL_WIDTH_FRACTION * length);
  const lines = wrapLines(text, wrapWidth, fontSize);
  const measure = textMeasurer();
  const w = Math.max(0, ...lines.map((line) => measure(line, fontSize)));
  const h = lines.length * step;
  const x = point.x - w / 2;
  const y = point.y - h / 2;
  const margin = ARROW_LABEL_GAP_EM * fontSize;
  const gap = { minX: x - margin, minY: y - margin, maxX: x + w + margin, maxY: y + h + margin };
  return { lines, fontSize, align, x, y, w, h, gap };
}

const cache = new WeakMap<object, { generation: number; layout: LabelLayout | null }>();

/** The layout of the shape's own label, null when it has none; cached per shape object (the doc's are frozen). */
export function labelLayout(shape: LabelledShape): LabelLayout | null {
  const cached = cache.get(shape);
  if (cached?.generation === measurerGeneration()) return cached.layout;
  const layout = hasLabel(shape) ? layoutLabel(shape) : null;
  cache.set(shape, { generation: measurerGeneration(), layout });
  return layout;
}

/** Where line `i` of a layout is anchored across its box (the x canvas and SVG anchor aligned text at). */
export function labelLineX(layout: Pick<LabelLayout, 'x' | 'w' | 'align'>): number {
  return layout.x + (layout.align === 'center' ? layout.w / 2 : layout.align === 'right' ? layout.w : 0);
}

/**
 * The height a rectangle or ellipse needs for `text` as its label: its own
 * `h`, grown (downwards, as a note grows) when the wrapped lines need more.
 */
export function labelledHeightFor(shape: DraftOf<'rect'> | DraftOf<'ellipse'>, text: string): number {
  if (text === '') return shape.h;
  const area = labelArea(shape);
  const needed = wrapLines(text, area.w, labelFontSizeOf(shape)).length * lineHeight(labelFontSizeOf(shape));
  const grown = needed + 2 * LABEL_PADDING;
  const h = shape.type === 'ellipse' ? grown / Math.SQRT1_2 : grown;
  return clampSize(Math.max(shape.h, h));
}
