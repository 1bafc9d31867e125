/**
 * Line: the polyline through points[0..1], points[2..3], … in the shape's
 * frame (two points for a plain segment), hit within tolerance + half the
 * stroke. A bound end's position is derived before it gets here
 * (../connectors/resolve.ts), so these work on what is drawn.
 */
import { boardToLocal, boundsOfLocalPoints } from '../frame';
import { boxContainsBox, type Box, type Point } from '../math';
import { hitsLabel, labelCorners, scaledSegmentLabel } from '../label/segment-label';
import { nearPolyline, pointsOf } from '../polyline';
import { clampCoordinate, scaleLocalVector, scaleOrigin, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

/** The points of a line or arrow, in the shape's frame. */
export function pathPoints(points: readonly number[]): Point[] {
  return pointsOf(points, 2);
}

/** A flat [x0, y0, x1, y1, …] list from points, clamped to the board's bounds. */
export function flatPoints(points: readonly Point[]): number[] {
  return points.flatMap((p) => [clampCoordinate(p.x), clampCoordinate(p.y)]);
}

export function bounds(shape: DraftOf<'line'>): Box {
  const points = [...pathPoints(shape.points), ...labelCorners(shape)];
  return boundsOfLocalPoints(shape, points, shape.style.strokeWidth / 2);
}

/** Near the line, or on its label. */
export function hitTest(shape: DraftOf<'line'>, point: Point, tolerance: number): boolean {
  const reach = tolerance + shape.style.strokeWidth / 2;
  const local = boardToLocal(shape, point);
  return nearPolyline(pathPoints(shape.points), local, () => reach) || hitsLabel(shape, local);
}

export function intersectsRect(shape: DraftOf<'line'>, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** Exact: every point goes through the scaling. Shared with arrows. */
export function scalePath(
  shape: { x: number; y: number; rotation: number; points: readonly number[] },
  scaling: Scaling,
): { x: number; y: number; points: number[] } {
  const scaled = pathPoints(shape.points).map((p) => scaleLocalVector(scaling, shape.rotation, p));
  return { ...scaleOrigin(shape, scaling), points: flatPoints(scaled) };
}

export function scale(shape: DraftOf<'line'>, scaling: Scaling): GeometryPatch<'line'> {
  const scaled = scalePath(shape, scaling);
  return { ...scaled, ...scaledSegmentLabel(shape, scaled.points) };
}
