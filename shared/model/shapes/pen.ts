import { z } from 'zod';
import { MAX_PEN_POINTS } from '../limits';
import { baseShapeFields, coordinateSchema } from './common';

/** Numbers per pen point: x, y (relative to the shape's x, y) and pressure. */
export const PEN_POINT_STRIDE = 3;

/**
 * A freehand stroke as one flat array [x0, y0, p0, x1, y1, p1, ...]: flat
 * because it is what Konva draws from and it stores in the doc without an
 * object per point.
 */
export const penPointsSchema = z
  .array(coordinateSchema)
  .min(PEN_POINT_STRIDE, 'must hold at least one point')
  .max(PEN_POINT_STRIDE * MAX_PEN_POINTS, `must hold at most ${MAX_PEN_POINTS} points`)
  .superRefine((points, context) => {
    if (points.length % PEN_POINT_STRIDE !== 0) {
      context.addIssue({ code: 'custom', message: 'length must be a multiple of 3 (x, y, pressure)' });
      return;
    }
    for (let i = PEN_POINT_STRIDE - 1; i < points.length; i += PEN_POINT_STRIDE) {
      const pressure = points[i] ?? 0;
      if (pressure < 0 || pressure > 1) {
        context.addIssue({ code: 'custom', path: [i], message: 'pressure must be between 0 and 1' });
        return;
      }
    }
  });

export const penShapeSchema = z.object({
  type: z.literal('pen'),
  ...baseShapeFields,
  points: penPointsSchema,
});
export type PenShape = z.infer<typeof penShapeSchema>;
