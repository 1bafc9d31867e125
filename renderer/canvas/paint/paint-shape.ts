/**
 * Draws one shape with the plain 2D canvas API. The static layer paints the
 * whole board through this in a single Konva shape, because a Konva node (and
 * a React element) per shape costs more than the drawing itself once a board
 * has thousands of shapes (docs/ARCHITECTURE.md#canvas).
 *
 * Coordinates are board units: the caller has already applied the viewport.
 */
import {
  arrowheadsOf,
  arrowheadWings,
  type DraftOf,
  type DraftShape,
  labelLayout,
  type LabelledShape,
  labelLineX,
  lineHeight,
  pathPoints,
  penWidthAt,
  segmentRuns,
  visibleNoteLines,
} from '../../shapes';
import { alignOf, dashOf, type TextAlign } from '../../../shared/model';
import { type ColourMap, identityColours } from '../../theme/canvas-colours';
import { dashPattern } from '../shape-views/dash';
import { penOutline, tracePenOutline } from '../shape-views/pen-outline';
import { paintFrame } from './paint-frame';
import { FONT_FAMILY, NOTE_PADDING, NOTE_TEXT_COLOR } from '../shape-views/common';
import type { Matrix, PaintContext, PathSink } from './paint-context';
import { type ImageSource, paintImage } from './paint-image';
import { memoByShape } from './shape-cache';

/** Below this many screen pixels of font size text cannot be read: it is drawn as grey bars. */
export const GREEK_TEXT_BELOW_PX = 5;

export interface PaintOptions {
  /** Board units to device pixels; each shape's own placement is applied on top of it. */
  base: Matrix;
  /** Screen pixels per board unit. */
  zoom: number;
  /** Drawn at a quarter of its opacity (the eraser has marked it). */
  faded: boolean;
  /** Makes the Path2D a pen outline is cached in; Path2D in the browser. */
  createPath: () => PathSink;
  /** The theme's colours (renderer/theme/canvas-colours.ts); the board's own when absent. */
  colours?: ColourMap;
  /** Decoded pictures of image shapes; without it an image is drawn as its placeholder. */
  images?: ImageSource;
}

export function fontOf(fontSize: number): string {
  return `${fontSize}px ${FONT_FAMILY}`;
}

/**
 * Sets every piece of context state it relies on instead of save/restore
 * around each shape: on a big board save() alone was an eighth of the frame.
 */
export function paintShape(ctx: PaintContext<unknown>, shape: DraftShape, options: PaintOptions): void {
  setPlacement(ctx, options.base, shape.x, shape.y, shape.rotation);
  ctx.globalAlpha = options.faded ? shape.opacity * 0.25 : shape.opacity;
  const colours = options.colours ?? identityColours;
  switch (shape.type) {
    case 'rect':
      paintRect(ctx, shape, colours);
      paintLabel(ctx, shape, options.zoom, colours);
      break;
    case 'ellipse':
      paintEllipse(ctx, shape, colours);
      paintLabel(ctx, shape, options.zoom, colours);
      break;
    case 'line':
    case 'arrow':
      paintSegment(ctx, shape, colours);
      paintLabel(ctx, shape, options.zoom, colours);
      break;
    case 'pen':
      paintPen(ctx, shape, options, colours);
      break;
    case 'text':
      paintText(ctx, shape, options.zoom, colours);
      break;
    case 'note':
      paintNote(ctx, shape, options.zoom, colours);
      break;
    case 'image':
      paintImage(ctx, shape, options.zoom, options.images);
      break;
    case 'frame':
      paintFrame(ctx, shape, colours);
      break;
  }
}

/** base × translate(x, y) × rotate(angle). */
function setPlacement(ctx: PaintContext<unknown>, m: Matrix, x: number, y: number, angle: number): void {
  const cos = angle === 0 ? 1 : Math.cos(angle);
  const sin = angle === 0 ? 0 : Math.sin(angle);
  ctx.setTransform(
    m.a * cos + m.c * sin,
    m.b * cos + m.d * sin,
    m.c * cos - m.a * sin,
    m.d * cos - m.b * sin,
    m.a * x + m.c * y + m.e,
    m.b * x + m.d * y + m.f,
  );
}

/** Sets the outline's dash pattern (dashPattern) and the caps that make dots round. */
function setDash(ctx: PaintContext<unknown>, style: DraftShape['style'], cap: CanvasLineCap): void {
  const dash = dashOf(style);
  ctx.setLineDash(dashPattern(dash, style.strokeWidth));
  ctx.lineCap = dash === 'dotted' ? 'round' : cap;
}

function fillAndStroke(ctx: PaintContext<unknown>, style: DraftShape['style'], colours: ColourMap): void {
  if (style.fill !== 'none') {
    ctx.fillStyle = colours(style.fill);
    ctx.fill();
  }
  ctx.strokeStyle = colours(style.stroke);
  ctx.lineWidth = style.strokeWidth;
  setDash(ctx, style, 'butt');
  ctx.lineJoin = 'miter';
  ctx.stroke();
}

function paintRect(ctx: PaintContext<unknown>, shape: DraftOf<'rect'>, colours: ColourMap): void {
  ctx.beginPath();
  ctx.rect(0, 0, shape.w, shape.h);
  fillAndStroke(ctx, shape.style, colours);
}

function paintEllipse(ctx: PaintContext<unknown>, shape: DraftOf<'ellipse'>, colours: ColourMap): void {
  ctx.beginPath();
  ctx.ellipse(shape.w / 2, shape.h / 2, shape.w / 2, shape.h / 2, 0, 0, Math.PI * 2);
  fillAndStroke(ctx, shape.style, colours);
}

function paintSegment(ctx: PaintContext<unknown>, shape: DraftOf<'line'> | DraftOf<'arrow'>, colours: ColourMap): void {
  const path = pathPoints(shape.points);
  ctx.beginPath();
  // With a label the path leaves a gap around it (shapes/label/gap.ts), so the line never crosses the text.
  for (const run of segmentRuns(shape)) {
    run.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  }
  if (shape.type === 'arrow') {
    // The same wings the arrow's bounds use, so what is drawn is what is selected.
    for (const [tip, tail] of arrowheadsOf(shape, path)) {
      const [a, b] = arrowheadWings(tip, tail, shape.style.strokeWidth);
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(tip.x, tip.y);
      ctx.lineTo(b.x, b.y);
    }
  }
  ctx.strokeStyle = colours(shape.style.stroke);
  ctx.lineWidth = shape.style.strokeWidth;
  setDash(ctx, shape.style, 'round');
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/** A label in the shape's stroke colour, laid out by shapes/label/layout.ts (as the views and the SVG draw it). */
function paintLabel(ctx: PaintContext<unknown>, shape: LabelledShape, zoom: number, colours: ColourMap): void {
  const layout = labelLayout(shape);
  if (!layout) return;
  paintLines(ctx, layout.lines, layout.fontSize, colours(shape.style.stroke), zoom, layout, layout.align);
}

/** Built once per shape object: a stroke has hundreds of outline points. */
function penPath(shape: DraftOf<'pen'>, createPath: () => PathSink): PathSink | null {
  const outline = penOutline(shape.points, shape.style.strokeWidth);
  if (outline.length < 6) return null;
  const path = createPath();
  tracePenOutline(path, outline);
  return path;
}

const penPaths = new WeakMap<DraftShape, PathSink | null>();

function paintPen(ctx: PaintContext<unknown>, shape: DraftOf<'pen'>, options: PaintOptions, colours: ColourMap): void {
  let path = penPaths.get(shape);
  if (path === undefined) {
    path = penPath(shape, options.createPath);
    penPaths.set(shape, path);
  }
  ctx.fillStyle = colours(shape.style.stroke);
  if (path) {
    ctx.fill(path);
    return;
  }
  // A lone point (a click with the pen) is a dot as wide as the stroke.
  const radius = penWidthAt(shape.style.strokeWidth, shape.points[2] ?? 0.5) / 2;
  ctx.beginPath();
  ctx.arc(shape.points[0] ?? 0, shape.points[1] ?? 0, radius, 0, Math.PI * 2);
  ctx.fill();
}

/** Hard line breaks only: text shapes do not wrap (TextView draws them the same way). */
const textLines = memoByShape((shape) => (shape.type === 'text' ? shape.text.split('\n') : []));

function paintText(ctx: PaintContext<unknown>, shape: DraftOf<'text'>, zoom: number, colours: ColourMap): void {
  const box = { x: 0, y: 0, w: shape.w };
  paintLines(ctx, textLines(shape), shape.fontSize, colours(shape.style.stroke), zoom, box, alignOf(shape));
}

function paintNote(ctx: PaintContext<unknown>, shape: DraftOf<'note'>, zoom: number, colours: ColourMap): void {
  ctx.fillStyle = colours(shape.color);
  ctx.fillRect(0, 0, shape.w, shape.h);
  if (!shape.text) return;
  // The lines shapes/note/layout.ts laid out (wrapped, the last cut with an ellipsis), as NoteView draws them.
  paintLines(
    ctx,
    noteLines(shape),
    shape.fontSize,
    colours(NOTE_TEXT_COLOR),
    zoom,
    { x: NOTE_PADDING, y: NOTE_PADDING, w: Math.max(0, shape.w - NOTE_PADDING * 2) },
    alignOf(shape),
  );
}

const noteLines = memoByShape((shape) => (shape.type === 'note' ? visibleNoteLines(shape) : []));

function paintLines(
  ctx: PaintContext<unknown>,
  lines: readonly string[],
  fontSize: number,
  color: string,
  zoom: number,
  box: { x: number; y: number; w: number },
  align: TextAlign = 'left',
): void {
  const step = lineHeight(fontSize);
  const width = box.w;
  // Where a line starts (left), centres (center) or ends (right), across the box.
  const anchor = labelLineX({ x: box.x, w: width, align });
  if (fontSize * zoom < GREEK_TEXT_BELOW_PX) {
    // Unreadable at this zoom: a bar per line keeps the shape of the text for a fraction of fillText's cost.
    ctx.fillStyle = color;
    ctx.globalAlpha *= 0.35;
    for (let i = 0; i < lines.length; i++) {
      const length = lines[i]?.length ?? 0;
      const estimate = length * fontSize * 0.55;
      const bar = width > 0 ? Math.min(width, estimate) : estimate;
      const left = align === 'center' ? anchor - bar / 2 : align === 'right' ? anchor - bar : anchor;
      if (length > 0) ctx.fillRect(left, box.y + i * step + step * 0.3, bar, step * 0.4);
    }
    return;
  }
  ctx.font = fontOf(fontSize);
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = align;
  for (let i = 0; i < lines.length; i++) ctx.fillText(lines[i] ?? '', anchor, box.y + i * step + step / 2);
}
