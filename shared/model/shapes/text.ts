import { z } from 'zod';
import { baseShapeFields, fontSizeSchema, sizeSchema, textSchema } from './common';

/**
 * Free text; `w` is its width as measured by the client that last wrote it
 * (each client measures again for its own fonts: renderer/shapes/text-metrics.ts).
 */
export const textShapeSchema = z.object({
  type: z.literal('text'),
  ...baseShapeFields,
  text: textSchema,
  fontSize: fontSizeSchema,
  w: sizeSchema,
});
export type TextShape = z.infer<typeof textShapeSchema>;
