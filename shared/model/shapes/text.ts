import { z } from 'zod';
import { baseShapeFields, fontSizeSchema, sizeSchema, textAlignSchema, textSchema } from './common';

/**
 * Free text; `w` is its width as measured by the client that last wrote it
 * (each client measures again for its own fonts: renderer/shapes/text-metrics.ts).
 */
export const textShapeSchema = z.object({
  type: z.literal('text'),
  ...baseShapeFields,
  text: textSchema,
  fontSize: fontSizeSchema,
  align: textAlignSchema,
  w: sizeSchema,
});
export type TextShape = z.infer<typeof textShapeSchema>;
