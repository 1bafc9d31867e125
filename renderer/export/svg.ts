/**
 * Shapes → one standalone SVG document, drawn as the board paints them
 * (renderer/canvas/paint/paint-shape.ts) element for element: the same
 * geometry from renderer/shapes, the same pen outline traced the same way,
 * arrowheads, font, note padding, word wrap and text baselines.
 *
 * - Board units are SVG user units; the document spans exportFrame (the
 *   shapes' bounds plus padding), over a background colour unless it is null.
 * - Every shape is exactly one top-level element marked
 *   `data-shape="<type>"`, in z-order (frames first, frames/frame-order.ts; a
 *   frame's members inside a `<g clip-path>` of their frame); its (x, y) and rotation are its
 *   transform (its own frame, shapes/frame.ts) and its opacity the element's.
 *   A labelled shape is a `<g>` of its body and its label's `<text>`.
 * - All text is escaped (xml.ts), so a note saying `</svg>` stays text.
 *
 * Pure but for text widths: notes are laid out by shapes/note/layout.ts with
 * the measurer the app installed (a canvas, as the board measures; the
 * estimate in tests), so their lines break where the board's do.
 */
import { alignOf, compareZOrder, dashOf, type Shape, type ShapeOfType, type TextAlign } from '../../shared/model';
import { FONT_FAMILY, NOTE_TEXT_COLOR } from '../canvas/shape-views/common';
import { dashPattern } from '../canvas/shape-views/dash';
import { IMAGE_PLACEHOLDER_EDGE, IMAGE_PLACEHOLDER_FILL } from '../canvas/paint/paint-image';
import { tracePenOutline } from '../canvas/shape-views/pen-outline';
import {
  arrowheadsOf,
  arrowheadWings,
  labelLayout,
  type LabelledShape,
  labelLineX,
  pathPoints,
  lineHeight,
  NOTE_PADDING,
  penOutline,
  penWidthAt,
  type Box,
  type Point,
  segmentRuns,
  visibleNoteLines,
} from '../shapes';
import { drawOrder, framesById } from '../frames/frame-order';
import { clippedToFrame, frameClipPaths, frameElement } from './svg-frames';
import { DEFAULT_EXPORT_BACKGROUND, DEFAULT_EXPORT_PADDING, type ExportFrame, exportFrame } from './frame';
import { attrs, escapeXml, num } from './xml';

export interface SvgExportOptions {
  /** Default DEFAULT_EXPORT_PADDING. */
  padding?: number;
  /** A colour to paint under the shapes, or null for a transparent background. Default white. */
  background?: string | null;
  /**
   * The picture of each image shape as a data URL (renderer/images/image-export.ts reads them from
   * the local copy), so the SVG stands alone and the PDF built from it keeps the images; an image
   * without one is its placeholder box.
   */
  imageUrls?: ReadonlyMap<string, string>;
  /** The board box to show instead of the shapes' bounds and padding (one frame's export). */
  view?: Box;
}

export interface SvgExport extends ExportFrame {
  svg: string;
}

/** Throws NothingToExportError for no shapes. */
export function shapesToSvg(shapes: readonly Shape[], options: SvgExportOptions = {}): SvgExport {
  const frame = exportFrame(shapes, options.padding ?? DEFAULT_EXPORT_PADDING, options.view);
  const ordered = drawOrder([...shapes].sort(compareZOrder));
  const frames = framesById(ordered);

  const { view, width, height } = frame;
  const background = options.background === undefined ? DEFAULT_EXPORT_BACKGROUND : options.background;
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: [view.minX, view.minY, width, height].map((value) => num(value)).join(' '),
    })}>`,
    ...(background === null
      ? []
      : [`<rect${attrs({ x: view.minX, y: view.minY, width, height, fill: background })}/>`]),
    ...frameClipPaths(ordered),
    ...ordered.map((shape) => clippedToFrame(shape, frames, shapeElement(shape, options.imageUrls))),
    '</svg>',
    '',
  ].join('\n');
  return { ...frame, svg };
}

export type Attributes = Record<string, string | number | undefined>;

function shapeElement(shape: Shape, imageUrls: ReadonlyMap<string, string> | undefined): string {
  switch (shape.type) {
    case 'rect':
      return labelled(shape, (at) => `<rect${attrs({ ...at, width: shape.w, height: shape.h, ...outlined(shape) })}/>`);
    case 'ellipse': {
      const [rx, ry] = [shape.w / 2, shape.h / 2];
      return labelled(shape, (at) => `<ellipse${attrs({ ...at, cx: rx, cy: ry, rx, ry, ...outlined(shape) })}/>`);
    }
    case 'line':
    case 'arrow':
      return labelled(shape, (at) => `<path${attrs({ ...at, d: segmentPath(shape), ...stroked(shape) })}/>`);
    case 'pen':
      return penElement(shape);
    case 'text':
      return `<text${attrs({ ...placed(shape), ...textStyle(shape.fontSize, shape.style.stroke, alignOf(shape)) })}>${tspans(
        shape.text.split('\n'),
        0,
        shape.fontSize,
        alignedX(alignOf(shape), 0, shape.w),
      )}</text>`;
    case 'note':
      return noteElement(shape);
    case 'image':
      return imageElement(shape, imageUrls?.get(shape.sha256));
    case 'frame':
      return frameElement(shape);
  }
}

/** The picture stretched over the shape's box (the board draws it so), or the painter's placeholder box. */
function imageElement(shape: ShapeOfType<'image'>, url: string | undefined): string {
  const box = { ...placed(shape), width: shape.w, height: shape.h };
  if (url === undefined) {
    return `<rect${attrs({ ...box, fill: IMAGE_PLACEHOLDER_FILL, stroke: IMAGE_PLACEHOLDER_EDGE, 'stroke-width': 1 })}/>`;
  }
  return `<image${attrs({ ...box, preserveAspectRatio: 'none', href: url })}/>`;
}

/**
 * A shape that may carry a label: without one, its body alone is its element
 * (`at` places it); with one, a group placed as the shape holds the body and
 * the label as real text (searchable, and the PDF export keeps it as text).
 */
function labelled(shape: LabelledShape & Shape, body: (at: Attributes) => string): string {
  const layout = labelLayout(shape);
  if (!layout) return body(placed(shape));
  const text = `<text${attrs(textStyle(layout.fontSize, shape.style.stroke, layout.align))}>${tspans(
    layout.lines,
    layout.y,
    layout.fontSize,
    labelLineX(layout),
  )}</text>`;
  return `<g${attrs(placed(shape))}>${body({})}${text}</g>`;
}

/** What every shape's element carries: its kind, its frame and its opacity. */
export function placed(shape: Shape): Attributes {
  const turn = shape.rotation === 0 ? '' : ` rotate(${num((shape.rotation * 180) / Math.PI, 4)})`;
  return {
    'data-shape': shape.type,
    transform: `translate(${num(shape.x)} ${num(shape.y)})${turn}`,
    opacity: shape.opacity === 1 ? undefined : num(shape.opacity, 3),
  };
}

/** Rect and ellipse: filled unless "none", stroked centred on the outline (canvas and SVG agree on that). */
function outlined(shape: Shape): Attributes {
  return {
    fill: shape.style.fill,
    stroke: shape.style.stroke,
    'stroke-width': shape.style.strokeWidth,
    ...dashed(shape, undefined),
  };
}

/** The outline's dash pattern (canvas/shape-views/dash.ts) and the round caps dots need; nothing when solid. */
function dashed(shape: Shape, cap: 'round' | undefined): Attributes {
  const dash = dashOf(shape.style);
  const pattern = dashPattern(dash, shape.style.strokeWidth);
  return {
    'stroke-dasharray': pattern.length > 0 ? pattern.map((n) => num(n)).join(' ') : undefined,
    'stroke-linecap': dash === 'dotted' ? 'round' : cap,
  };
}

function stroked(shape: Shape): Attributes {
  return {
    fill: 'none',
    stroke: shape.style.stroke,
    'stroke-width': shape.style.strokeWidth,
    'stroke-linejoin': 'round',
    ...dashed(shape, 'round'),
  };
}

/** The shaft, then each head as two wings meeting at its tip: the wings the arrow's bounds use. */
function segmentPath(shape: ShapeOfType<'line'> | ShapeOfType<'arrow'>): string {
  const path = pathPoints(shape.points);
  const at = (p: Point) => `${num(p.x)} ${num(p.y)}`;
  // With a label the shaft leaves a gap around it, as on the board (shapes/label/gap.ts).
  const parts = segmentRuns(shape).map((run) => run.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(p)}`).join(''));
  if (shape.type === 'arrow') {
    for (const [tip, tail] of arrowheadsOf(shape, path)) {
      const [a, b] = arrowheadWings(tip, tail, shape.style.strokeWidth);
      parts.push(`M${at(a)}L${at(tip)}L${at(b)}`);
    }
  }
  return parts.join('');
}

/** The stroke's outline traced into path data, filled in the stroke colour; a dot where there is no outline. */
function penElement(shape: ShapeOfType<'pen'>): string {
  const d: string[] = [];
  tracePenOutline(
    {
      moveTo: (x, y) => d.push(`M${num(x)} ${num(y)}`),
      quadraticCurveTo: (cx, cy, x, y) => d.push(`Q${num(cx)} ${num(cy)} ${num(x)} ${num(y)}`),
      closePath: () => d.push('Z'),
    },
    penOutline(shape.points, shape.style.strokeWidth),
  );
  if (d.length > 0) return `<path${attrs({ ...placed(shape), d: d.join(''), fill: shape.style.stroke })}/>`;
  const r = penWidthAt(shape.style.strokeWidth, shape.points[2] ?? 0.5) / 2;
  return `<circle${attrs({ ...placed(shape), cx: shape.points[0] ?? 0, cy: shape.points[1] ?? 0, r, fill: shape.style.stroke })}/>`;
}

/** The card, and the lines of its text that fit on it (shapes/note/layout.ts: wrapped, cut with an ellipsis). */
function noteElement(shape: ShapeOfType<'note'>): string {
  const card = `<rect${attrs({ width: shape.w, height: shape.h, fill: shape.color })}/>`;
  const lines = shape.text ? visibleNoteLines(shape) : [];
  const text =
    lines.length === 0
      ? ''
      : `<text${attrs(textStyle(shape.fontSize, NOTE_TEXT_COLOR, alignOf(shape)))}>${tspans(
          lines,
          NOTE_PADDING,
          shape.fontSize,
          alignedX(alignOf(shape), NOTE_PADDING, shape.w - NOTE_PADDING * 2),
        )}</text>`;
  return `<g${attrs(placed(shape))}>${card}${text}</g>`;
}

/**
 * The board's font, and the board's baseline: each line's glyphs centred in
 * a box `lineHeight` tall (canvas textBaseline "middle" is SVG's "central",
 * both the middle of the em box). Spaces are kept as typed.
 */
function textStyle(fontSize: number, fill: string, align: TextAlign): Attributes {
  return {
    'font-family': FONT_FAMILY,
    'font-size': fontSize,
    fill,
    'text-anchor': align === 'center' ? 'middle' : align === 'right' ? 'end' : undefined,
    'dominant-baseline': 'central',
    'xml:space': 'preserve',
  };
}

/** Where aligned lines are anchored across a box of `width` starting at `inset` (the painter's rule). */
function alignedX(align: TextAlign, inset: number, width: number): number {
  return inset + (align === 'center' ? width / 2 : align === 'right' ? Math.max(0, width) : 0);
}

/** One tspan per line, the first line's box at `inset` from the top, anchored at `x`. */
function tspans(lines: readonly string[], inset: number, fontSize: number, x = inset): string {
  const step = lineHeight(fontSize);
  return lines
    .map((line, i) => `<tspan${attrs({ x: num(x), y: inset + step * i + step / 2 })}>${escapeXml(line)}</tspan>`)
    .join('');
}
