import { z } from 'zod';
import { baseShapeFields, coordinateSchema } from './common';

/** [x1, y1, x2, y2] relative to the shape's (x, y). */
export const segmentSchema = z.tuple([coordinateSchema, coordinateSchema, coordinateSchema, coordinateSchema]);

export const lineShapeSchema = z.object({
  type: z.literal('line'),
  ...baseShapeFields,
  points: segmentSchema,
});
export type LineShape = z.infer<typeof lineShapeSchema>;
