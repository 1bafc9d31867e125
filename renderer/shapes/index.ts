/**
 * The shape registry: one geometry module per kind, keyed by `type`, and
 * functions that dispatch on a shape's type. Adding a kind is one folder
 * (schema in shared/, geometry here) plus one line in GEOMETRY.
 */
import type { ShapeType } from '../../shared/model';
import * as arrow from './arrow/geometry';
import * as ellipse from './ellipse/geometry';
import * as image from './image/geometry';
import * as frame from './frame-shape/geometry';
import * as line from './line/geometry';
import type { Box, Point } from './math';
import * as note from './note/geometry';
import * as pen from './pen/geometry';
import * as rect from './rect/geometry';
import type { Scaling } from './scaling';
import * as text from './text/geometry';
import type { DraftShape, GeometryPatch, ShapeGeometry } from './types';

export const GEOMETRY: { readonly [Type in ShapeType]: ShapeGeometry<Type> } = {
  pen,
  rect,
  ellipse,
  line,
  arrow,
  text,
  note,
  image,
  frame,
};

/** What dispatch sees: GEOMETRY[shape.type] always takes `shape`, which TypeScript cannot correlate on its own. */
interface AnyGeometry {
  bounds(shape: DraftShape): Box;
  hitTest(shape: DraftShape, point: Point, tolerance: number): boolean;
  intersectsRect(shape: DraftShape, rect: Box): boolean;
  scale(shape: DraftShape, scaling: Scaling): GeometryPatch<ShapeType>;
}

function geometryOf(shape: DraftShape): AnyGeometry {
  return GEOMETRY[shape.type] as unknown as AnyGeometry;
}

export function shapeBounds(shape: DraftShape): Box {
  return geometryOf(shape).bounds(shape);
}

export function hitTestShape(shape: DraftShape, point: Point, tolerance: number): boolean {
  return geometryOf(shape).hitTest(shape, point, tolerance);
}

/** Whether a marquee over `rect` selects the shape: the whole shape inside it (see ShapeGeometry). */
export function shapeIntersectsRect(shape: DraftShape, rect: Box): boolean {
  return geometryOf(shape).intersectsRect(shape, rect);
}

/** The shape scaled as part of a resized selection (see scaling.ts). */
export function scaleShape<S extends DraftShape>(shape: S, scaling: Scaling): S {
  return { ...shape, ...geometryOf(shape).scale(shape, scaling) };
}

export { ARROWHEAD_ANGLE_RAD, arrowheadLength, arrowheadsOf, arrowheadWings } from './arrow/geometry';
export { flatPoints, pathPoints } from './line/geometry';
export { DEFAULT_NOTE_SIZE } from './note/geometry';
export { FRAME_NAME_FONT_SIZE, FRAME_NAME_GAP, frameNameBox, frameTitle, hitsFrameName } from './frame-shape/geometry';
export { hasRealPressure, NO_PRESSURE, penOutline, penWidthAt } from './pen/outline';
export { localToBoard, boardToLocal, type Placement } from './frame';
export * from './math';
export { scalePoint, clampCoordinate, clampSize, type Scaling } from './scaling';
export {
  CHAR_WIDTH_EM,
  LINE_HEIGHT_EM,
  estimateTextWidth,
  estimatingMeasurer,
  lineHeight,
  measureTextBox,
  measureTextWidth,
  setTextMeasurer,
  textMeasurer,
  type TextMeasurer,
} from './text-metrics';
export { graphemes, wrapText } from './text/wrap';
export {
  ELLIPSIS,
  NOTE_PADDING,
  noteContentHeight,
  noteHeightFor,
  noteLines,
  noteTextWidth,
  visibleNoteLines,
} from './note/layout';
export type { DraftOf, DraftShape, GeometryPatch, ShapeGeometry } from './types';
export {
  ARROW_LABEL_GAP_EM,
  hasLabel,
  isLabelled,
  LABEL_PADDING,
  labelArea,
  labelledHeightFor,
  labelLayout,
  labelLineX,
  layoutLabel,
  pathMidpoint,
  type LabelLayout,
  type LabelledShape,
} from './label/layout';
export { pathAroundBox } from './label/gap';
export { scaledLabelFont } from './label/scale';
export { segmentRuns } from './label/segment-label';
