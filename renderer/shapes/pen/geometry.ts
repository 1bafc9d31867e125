/**
 * Freehand stroke: flat [x, y, pressure, …] points in the shape's frame,
 * drawn as the filled outline of ./outline.ts. Bounds and hit tests read that
 * same outline, so the box fits the ink (its thickness and round caps
 * included) and a click picks what the user sees.
 */
import { PEN_POINT_STRIDE } from '../../../shared/model';
import { boardToLocal, boundsOfLocalPoints } from '../frame';
import { boxContainsBox, distanceToSegment, type Box, type Point } from '../math';
import { pointsOf } from '../polyline';
import { clampCoordinate, scaleLocalVector, scaleOrigin, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';
import { penOutline } from './outline';

type Pen = DraftOf<'pen'>;

export function bounds(shape: Pen): Box {
  return boundsOfLocalPoints(shape, pointsOf(penOutline(shape.points, shape.style.strokeWidth), 2), 0);
}

/** Inside the outline (nonzero winding, as the canvas fills it), or within `tolerance` of its edge. */
export function hitTest(shape: Pen, point: Point, tolerance: number): boolean {
  const outline = penOutline(shape.points, shape.style.strokeWidth);
  const p = boardToLocal(shape, point);
  if (!nearBoxOfFlat(outline, p, tolerance)) return false;
  return windingNumber(outline, p) !== 0 || distanceToPolygon(outline, p) <= tolerance;
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

/** A cheap reject before walking the polygon: `p` within `reach` of the polygon's box. */
function nearBoxOfFlat(flat: readonly number[], p: Point, reach: number): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const x = flat[i] ?? 0;
    const y = flat[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return p.x >= minX - reach && p.x <= maxX + reach && p.y >= minY - reach && p.y <= maxY + reach;
}

/** How many times the closed polygon winds around `p` (0 outside under the nonzero rule). */
function windingNumber(flat: readonly number[], p: Point): number {
  const n = flat.length / 2;
  let winding = 0;
  for (let i = 0; i < n; i++) {
    const ax = flat[i * 2] ?? 0;
    const ay = flat[i * 2 + 1] ?? 0;
    const bx = flat[((i + 1) % n) * 2] ?? 0;
    const by = flat[((i + 1) % n) * 2 + 1] ?? 0;
    const side = (bx - ax) * (p.y - ay) - (p.x - ax) * (by - ay); // > 0: p is left of a→b
    if (ay <= p.y) {
      if (by > p.y && side > 0) winding++;
    } else if (by <= p.y && side < 0) winding--;
  }
  return winding;
}

function distanceToPolygon(flat: readonly number[], p: Point): number {
  const n = flat.length / 2;
  let nearest = Infinity;
  for (let i = 0; i < n; i++) {
    const a = { x: flat[i * 2] ?? 0, y: flat[i * 2 + 1] ?? 0 };
    const b = { x: flat[((i + 1) % n) * 2] ?? 0, y: flat[((i + 1) % n) * 2 + 1] ?? 0 };
    nearest = Math.min(nearest, distanceToSegment(p, a, b));
  }
  return nearest;
}
