/** Helpers for kinds drawn as a polyline from flat coordinate arrays (pen, line, arrow). */
import type { Point } from './math';
import { distanceToSegment } from './math';

/** The points of a flat array [x0, y0, …, x1, y1, …] read with `stride` numbers per point. */
export function pointsOf(flat: readonly number[], stride: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += stride) points.push({ x: flat[i] ?? 0, y: flat[i + 1] ?? 0 });
  return points;
}

/**
 * Whether `p` is within reach of the polyline; `reachAt(i)` is the reach
 * around point i (a segment uses the larger of its two ends). One point
 * is a dot.
 */
export function nearPolyline(points: readonly Point[], p: Point, reachAt: (index: number) => number): boolean {
  const first = points[0];
  if (!first) return false;
  if (points.length === 1) return distanceToSegment(p, first, first) <= reachAt(0);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (distanceToSegment(p, a, b) <= Math.max(reachAt(i - 1), reachAt(i))) return true;
  }
  return false;
}
