import { z } from 'zod';
import { baseShapeFields, colorSchema, fontSizeSchema, sizeSchema, textAlignSchema, textSchema } from './common';

/** A sticky note: text wrapped inside a coloured w × h box. */
export const noteShapeSchema = z.object({
  type: z.literal('note'),
  ...baseShapeFields,
  text: textSchema,
  color: colorSchema,
  w: sizeSchema,
  h: sizeSchema,
  fontSize: fontSizeSchema,
  align: textAlignSchema,
});
export type NoteShape = z.infer<typeof noteShapeSchema>;
