/**
 * What a valid shape is (docs/ARCHITECTURE.md#board-model): one zod schema per kind, discriminated
 * on `type`. The renderer, the file importer and every tool validate with
 * these, so a shape one of them accepts the others can draw; a value that
 * fails is skipped and reported, never drawn half-way.
 */
import { z } from 'zod';
import { describeIssues } from '../issues';
import { arrowShapeSchema } from './arrow';
import { ellipseShapeSchema } from './ellipse';
import { imageShapeSchema } from './image';
import { frameShapeSchema } from './frame';
import { lineShapeSchema } from './line';
import { noteShapeSchema } from './note';
import { penShapeSchema } from './pen';
import { rectShapeSchema } from './rect';
import { textShapeSchema } from './text';

export const SHAPE_TYPES = ['pen', 'rect', 'ellipse', 'line', 'arrow', 'text', 'note', 'image', 'frame'] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

export const shapeSchema = z.discriminatedUnion('type', [
  penShapeSchema,
  rectShapeSchema,
  ellipseShapeSchema,
  lineShapeSchema,
  arrowShapeSchema,
  textShapeSchema,
  noteShapeSchema,
  imageShapeSchema,
  frameShapeSchema,
]);
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeOfType<Type extends ShapeType> = Extract<Shape, { type: Type }>;

// SHAPE_TYPES and the union must list the same kinds; this fails to compile when they drift apart.
const sameKinds: [ShapeType, Shape['type']] extends [Shape['type'], ShapeType] ? true : never = true;
void sameKinds;

export type ParseShapeResult = { ok: true; shape: Shape } | { ok: false; error: string };

/** Validates an untrusted value as a shape; the result is a fresh object with unknown fields dropped. */
export function parseShape(value: unknown): ParseShapeResult {
  const result = shapeSchema.safeParse(value);
  return result.success
    ? { ok: true, shape: result.data }
    : { ok: false, error: describeIssues(result.error, 'shape') };
}

export { groupPathOf, groupPathPatch, isLocked, outermostGroupOf } from './groups';
export { arrowShapeSchema, type ArrowShape } from './arrow';
export { ellipseShapeSchema, type EllipseShape } from './ellipse';
export {
  IMAGE_MIME_TYPES,
  imageShapeSchema,
  MAX_IMAGE_SIDE_PX,
  SHA256_PATTERN,
  sha256Schema,
  type ImageMimeType,
  type ImageShape,
} from './image';
export { lineShapeSchema, type LineShape } from './line';
export {
  bindingSchema,
  CONNECTOR_POINT_STRIDE,
  CONNECTOR_ROUTES,
  connectorPointsSchema,
  routeOf,
  type Binding,
  type ConnectorRoute,
} from './connector';
export { frameShapeSchema, type FrameShape } from './frame';
export { noteShapeSchema, type NoteShape } from './note';
export { PEN_POINT_STRIDE, penShapeSchema, penPointsSchema, type PenShape } from './pen';
export { rectShapeSchema, type RectShape } from './rect';
export { textShapeSchema, type TextShape } from './text';
export {
  alignOf,
  colorSchema,
  DASH_STYLES,
  dashOf,
  DEFAULT_DASH,
  DEFAULT_TEXT_ALIGN,
  indexSchema,
  shapeIdSchema,
  styleSchema,
  TEXT_ALIGNS,
  type DashStyle,
  type ShapeStyle,
  type TextAlign,
} from './common';
export {
  DEFAULT_LABEL_ALIGN,
  DEFAULT_LABEL_FONT_SIZE,
  isLabelledType,
  labelAlignOf,
  labelFontSizeOf,
  LABELLED_TYPES,
  type LabelFields,
  type LabelledType,
} from './label';
