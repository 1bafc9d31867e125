/**
 * Connector fields of lines and arrows (docs/ARCHITECTURE.md#board-model): a polyline of 2..N
 * points, ends that may be bound to another shape, and a route. All optional
 * or wider than before, so lines and arrows saved before connectors (exactly
 * four numbers, no bindings) still validate.
 *
 * A bound end is derived when the connector is drawn, from the target's
 * current geometry (renderer/shapes/connectors/), so a move of the target by
 * one person and a drag of the connector by another never write the same key
 * and converge. The stored points are the fallback: what is drawn when the
 * target is gone or cannot be bound.
 */
import { z } from 'zod';
import { MAX_CONNECTOR_POINTS } from '../limits';
import { coordinateSchema, shapeIdSchema } from './common';

/** Numbers per connector point: x, y relative to the shape's (x, y). */
export const CONNECTOR_POINT_STRIDE = 2;

/** [x0, y0, x1, y1, …]: 2..MAX_CONNECTOR_POINTS points, relative to the shape's (x, y). */
export const connectorPointsSchema = z
  .array(coordinateSchema)
  .min(4, 'must hold at least two points')
  .max(CONNECTOR_POINT_STRIDE * MAX_CONNECTOR_POINTS, `must hold at most ${MAX_CONNECTOR_POINTS} points`)
  .refine((points) => points.length % CONNECTOR_POINT_STRIDE === 0, 'length must be even (x, y pairs)');

/** Where on its target a bound end sits: `anchor` is (u, v) in the target's unrotated box, 0..1 each. */
export const bindingSchema = z.object({
  shapeId: shapeIdSchema,
  anchor: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
});
export type Binding = z.infer<typeof bindingSchema>;

/** How the path runs between its ends: through its points, or in orthogonal segments (elbow). */
export const CONNECTOR_ROUTES = ['straight', 'elbow'] as const;
export type ConnectorRoute = (typeof CONNECTOR_ROUTES)[number];

/** Spread into the line and arrow schemas. */
export const connectorFields = {
  points: connectorPointsSchema,
  startBinding: bindingSchema.optional(),
  endBinding: bindingSchema.optional(),
  /** Absent (older boards) means straight. */
  route: z.enum(CONNECTOR_ROUTES).optional(),
};

export function routeOf(shape: { route?: ConnectorRoute }): ConnectorRoute {
  return shape.route ?? 'straight';
}
