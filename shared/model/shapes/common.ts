/**
 * Fields and value types every shape kind shares. Geometry is in board units,
 * relative to the shape's (x, y); rotation is in radians about (x, y).
 */
import { z } from 'zod';
import { isValidIndex } from '../fractional-index';
import {
  MAX_COORDINATE,
  MAX_FONT_SIZE,
  MAX_GROUP_DEPTH,
  MAX_INDEX_LENGTH,
  MAX_STROKE_WIDTH,
  MAX_TEXT_LENGTH,
  MIN_FONT_SIZE,
  MIN_STROKE_WIDTH,
  SHAPE_ID_PATTERN,
} from '../limits';

export const shapeIdSchema = z.string().regex(SHAPE_ID_PATTERN, 'must be 1-64 characters of [A-Za-z0-9_-]');

export const indexSchema = z
  .string()
  .min(1)
  .max(MAX_INDEX_LENGTH)
  .refine(isValidIndex, 'must be a fractional index key (e.g. "a0")');

export const coordinateSchema = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);
export const sizeSchema = z.number().min(0).max(MAX_COORDINATE);
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb');
export const fontSizeSchema = z.number().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE);
export const textSchema = z.string().max(MAX_TEXT_LENGTH);

/** How an outline is drawn. Boards written before it existed have none: read it with `dashOf`. */
export const DASH_STYLES = ['solid', 'dashed', 'dotted'] as const;
export type DashStyle = (typeof DASH_STYLES)[number];
export const DEFAULT_DASH: DashStyle = 'solid';

export const styleSchema = z.object({
  stroke: colorSchema,
  fill: z.string().regex(/^(#[0-9a-fA-F]{6}|none)$/, 'must be a colour #rrggbb or "none"'),
  strokeWidth: z.number().min(MIN_STROKE_WIDTH).max(MAX_STROKE_WIDTH),
  /** Optional, so every board saved before dashes still validates; absent means DEFAULT_DASH. */
  dash: z.enum(DASH_STYLES).optional(),
});

export function dashOf(style: { dash?: DashStyle }): DashStyle {
  return style.dash ?? DEFAULT_DASH;
}

/** Where the lines of a text or note sit across its width. Absent (older boards) means DEFAULT_TEXT_ALIGN. */
export const TEXT_ALIGNS = ['left', 'center', 'right'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];
export const DEFAULT_TEXT_ALIGN: TextAlign = 'left';
export const textAlignSchema = z.enum(TEXT_ALIGNS).optional();

export function alignOf(shape: { align?: TextAlign }): TextAlign {
  return shape.align ?? DEFAULT_TEXT_ALIGN;
}
export type ShapeStyle = z.infer<typeof styleSchema>;

/** Spread into each kind's `z.object`, next to its `type` literal. */
export const baseShapeFields = {
  id: shapeIdSchema,
  index: indexSchema,
  x: coordinateSchema,
  y: coordinateSchema,
  rotation: z.number(), // z.number() already refuses NaN and ±Infinity
  opacity: z.number().min(0).max(1),
  style: styleSchema,
  /** Written before groups could nest; read as `[groupId]` (groupPathOf in groups.ts), never written any more. */
  groupId: shapeIdSchema.optional(),
  /** The frame that holds the shape (shapes/frame.ts); absent on boards made before frames. */
  frameId: shapeIdSchema.optional(),
  /** The groups the shape is in, innermost first, outermost last (as Excalidraw keeps them). */
  groupIds: z
    .array(shapeIdSchema)
    .min(1)
    .max(MAX_GROUP_DEPTH)
    .refine((ids) => new Set(ids).size === ids.length, 'a group appears twice')
    .optional(),
  /** Locked shapes draw as usual but no click, marquee or eraser picks them (unlock from the context menu). */
  locked: z.boolean().optional(),
};
