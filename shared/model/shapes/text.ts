import { z } from 'zod';
import { baseShapeFields, fontSizeSchema, sizeSchema, textSchema } from './common';

/** Free text; `w` is its laid-out width, kept so bounds need no text measuring. */
export const textShapeSchema = z.object({
  type: z.literal('text'),
  ...baseShapeFields,
  text: textSchema,
  fontSize: fontSizeSchema,
  w: sizeSchema,
});
export type TextShape = z.infer<typeof textShapeSchema>;
