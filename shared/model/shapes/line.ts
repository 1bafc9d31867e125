import { z } from 'zod';
import { baseShapeFields } from './common';
import { connectorFields } from './connector';
import { labelFields } from './label';

/** A polyline [x0, y0, x1, y1, …] relative to the shape's (x, y), its ends maybe bound (connector.ts). */
export const lineShapeSchema = z.object({
  type: z.literal('line'),
  ...baseShapeFields,
  ...connectorFields,
  ...labelFields,
});
export type LineShape = z.infer<typeof lineShapeSchema>;
