/**
 * A label: text a rectangle, ellipse, line or arrow carries, wrapped inside
 * the shape (or centred on the line's path). Every field is optional, so
 * shapes saved before labels existed still validate; a shape without a label
 * stores none of them (docs/ARCHITECTURE.md#board-model).
 */
import { fontSizeSchema, type TextAlign, textAlignSchema, textSchema } from './common';

/** Spread into the labelled kinds' `z.object`. */
export const labelFields = {
  label: textSchema.optional(),
  /** Absent: DEFAULT_LABEL_FONT_SIZE. Scales with the shape when it is resized. */
  labelFontSize: fontSizeSchema.optional(),
  /** Absent: DEFAULT_LABEL_ALIGN (centred, unlike free text). */
  labelAlign: textAlignSchema,
};

export const DEFAULT_LABEL_FONT_SIZE = 20;
export const DEFAULT_LABEL_ALIGN: TextAlign = 'center';

export interface LabelFields {
  label?: string;
  labelFontSize?: number;
  labelAlign?: TextAlign;
}

export function labelFontSizeOf(shape: LabelFields): number {
  return shape.labelFontSize ?? DEFAULT_LABEL_FONT_SIZE;
}

export function labelAlignOf(shape: LabelFields): TextAlign {
  return shape.labelAlign ?? DEFAULT_LABEL_ALIGN;
}

/** The kinds that carry a label (a note's label is its own `text`). */
export const LABELLED_TYPES = ['rect', 'ellipse', 'line', 'arrow'] as const;
export type LabelledType = (typeof LABELLED_TYPES)[number];

export function isLabelledType(type: string): type is LabelledType {
  return (LABELLED_TYPES as readonly string[]).includes(type);
}
