/**
 * Pure functions from the shapes at the start of a select gesture to their
 * live geometry: move, resize (scale about an anchor) and rotate (about the
 * selection centre). The tool previews their result and, on up, writes each
 * shape's changed fields once.
 */
import type { Shape } from '../../../shared/model';
import type { ShapePatch } from '../../doc';
import { movedConnectorPatch } from '../../doc/connector-reads';
import {
  clampCoordinate,
  normaliseAngle,
  rotatePoint,
  scaleShape,
  shapeBounds,
  unionBoxes,
  type Box,
  type Point,
  type Scaling,
} from '../../shapes';
import { ROTATION_SNAP_RAD } from '../constants';

/** The box around all the shapes; null for none. */
export function selectionBounds(shapes: readonly Shape[]): Box | null {
  return unionBoxes(shapes.map(shapeBounds));
}

export function moveShapes(shapes: readonly Shape[], dx: number, dy: number): Shape[] {
  return shapes.map((shape) => ({ ...shape, x: clampCoordinate(shape.x + dx), y: clampCoordinate(shape.y + dy) }));
}

/** With Shift, a drag follows only its main axis. */
export function constrainToAxis(dx: number, dy: number): { dx: number; dy: number } {
  return Math.abs(dx) >= Math.abs(dy) ? { dx, dy: 0 } : { dx: 0, dy };
}

/**
 * Whether a resize keeps the aspect ratio: Shift asks for it, except when the
 * selection holds an image, which keeps its aspect unless Shift frees it.
 */
export function keepsAspect(shapes: readonly Shape[], shiftKey: boolean): boolean {
  return shapes.some((shape) => shape.type === 'image') ? !shiftKey : shiftKey;
}

export function resizeShapes(shapes: readonly Shape[], scaling: Scaling): Shape[] {
  return shapes.map((shape) => scaleShape(shape, scaling));
}

/**
 * Turns every shape by `angle` about `centre`. Rotation is about each
 * shape's (x, y) (shapes/frame.ts), so turning (x, y) about the centre and
 * adding the angle is exact for every kind.
 */
export function rotateShapes(shapes: readonly Shape[], centre: Point, angle: number): Shape[] {
  return shapes.map((shape) => {
    const origin = rotatePoint(shape, angle, centre);
    return {
      ...shape,
      x: clampCoordinate(origin.x),
      y: clampCoordinate(origin.y),
      rotation: normaliseAngle(shape.rotation + angle),
    };
  });
}

/**
 * The angle of a rotation drag; with Shift snapped to 15°: the shape's own
 * angle when one shape turns (so it lands on 0°, 15°, …), the turn itself
 * when several do (their angles differ).
 */
export function rotationAngle(shapes: readonly Shape[], centre: Point, from: Point, to: Point, snap: boolean): number {
  const angle = Math.atan2(to.y - centre.y, to.x - centre.x) - Math.atan2(from.y - centre.y, from.x - centre.x);
  if (!snap) return angle;
  const round = (value: number) => Math.round(value / ROTATION_SNAP_RAD) * ROTATION_SNAP_RAD;
  const only = shapes.length === 1 ? shapes[0] : undefined;
  return only ? round(only.rotation + angle) - only.rotation : round(angle);
}

/** What a transformed connector writes besides its geometry (see movedConnectorPatch). */
export function connectorChanges(after: Shape, transformed: ReadonlySet<string>): ShapePatch {
  return movedConnectorPatch(after, transformed);
}

/** The fields a transform changed, per shape: what the doc gets on up. */
export function changedFields(before: Shape, after: Shape): ShapePatch {
  const patch: Record<string, unknown> = {};
  for (const key of ['x', 'y', 'rotation', 'w', 'h', 'points', 'fontSize'] as const) {
    const was = (before as Partial<Record<string, unknown>>)[key];
    const now = (after as Partial<Record<string, unknown>>)[key];
    if (now !== undefined && JSON.stringify(now) !== JSON.stringify(was)) patch[key] = now;
  }
  return patch as ShapePatch; // only geometry keys of this shape's own kind were copied
}
