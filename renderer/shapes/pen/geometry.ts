/**
 * Freehand stroke: flat [x, y, pressure, …] points in the shape's frame.
 * Its width follows the pressure (`penWidthAt`, which the view uses too), and
 * it is hit within tolerance + half that width of the polyline.
 */
import { PEN_POINT_STRIDE } from '../../../shared/model';
import { boardToLocal, boundsOfLocalPoints } from '../frame';
import { boxContainsBox, type Box, type Point } from '../math';
import { nearPolyline, pointsOf } from '../polyline';
import { clampCoordinate, scaleLocalVector, scaleOrigin, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Pen = DraftOf<'pen'>;

/** Width of the stroke at `pressure` (0..1): the style's width at 0.5, from half to 1.5 times it. */
export function penWidthAt(strokeWidth: number, pressure: number): number {
  return strokeWidth * (0.5 + pressure);
}

function pressureAt(points: readonly number[], index: number): number {
  return points[index * PEN_POINT_STRIDE + 2] ?? 0.5;
}

export function bounds(shape: Pen): Box {
  let maxPressure = 0;
  for (let i = 2; i < shape.points.length; i += PEN_POINT_STRIDE)
    maxPressure = Math.max(maxPressure, shape.points[i] ?? 0);
  const pad = penWidthAt(shape.style.strokeWidth, maxPressure) / 2;
  return boundsOfLocalPoints(shape, pointsOf(shape.points, PEN_POINT_STRIDE), pad);
}

export function hitTest(shape: Pen, point: Point, tolerance: number): boolean {
  const width = shape.style.strokeWidth;
  return nearPolyline(
    pointsOf(shape.points, PEN_POINT_STRIDE),
    boardToLocal(shape, point),
    (index) => tolerance + penWidthAt(width, pressureAt(shape.points, index)) / 2,
  );
}

export function intersectsRect(shape: Pen, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** Exact: every point goes through the scaling; pressures stay. */
export function scale(shape: Pen, scaling: Scaling): GeometryPatch<'pen'> {
  const points = shape.points.slice();
  for (let i = 0; i + 1 < points.length; i += PEN_POINT_STRIDE) {
    const p = scaleLocalVector(scaling, shape.rotation, { x: points[i] ?? 0, y: points[i + 1] ?? 0 });
    points[i] = clampCoordinate(p.x);
    points[i + 1] = clampCoordinate(p.y);
  }
  return { ...scaleOrigin(shape, scaling), points };
}
