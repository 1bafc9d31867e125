import { z } from 'zod';
import { baseShapeFields, sizeSchema } from './common';
import { labelFields } from './label';

/** A rectangle from (x, y) to (x + w, y + h) before rotation. */
export const rectShapeSchema = z.object({
  type: z.literal('rect'),
  ...baseShapeFields,
  w: sizeSchema,
  h: sizeSchema,
  ...labelFields,
});
export type RectShape = z.infer<typeof rectShapeSchema>;
