import { z } from 'zod';
import { baseShapeFields, sizeSchema } from './common';
import { labelFields } from './label';

/** The ellipse inscribed in the box from (x, y) to (x + w, y + h) before rotation. */
export const ellipseShapeSchema = z.object({
  type: z.literal('ellipse'),
  ...baseShapeFields,
  w: sizeSchema,
  h: sizeSchema,
  ...labelFields,
});
export type EllipseShape = z.infer<typeof ellipseShapeSchema>;
