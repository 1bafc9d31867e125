import { z } from 'zod';
import { baseShapeFields } from './common';
import { connectorFields } from './connector';
import { labelFields } from './label';

export const arrowheadsSchema = z.object({ start: z.boolean(), end: z.boolean() });

/** A line with a head at either end or both. */
export const arrowShapeSchema = z.object({
  type: z.literal('arrow'),
  ...baseShapeFields,
  ...connectorFields,
  arrowheads: arrowheadsSchema,
  ...labelFields,
});
export type ArrowShape = z.infer<typeof arrowShapeSchema>;
