/**
 * Arrow: a line whose heads are two short wings at either end. The wings
 * are computed here (not only in the view) so bounds include them exactly;
 * the canvas draws them with `arrowheadWings` too.
 */
import { boardToLocal, boundsOfLocalPoints } from '../frame';
import { boxContainsBox, distance, type Box, type Point } from '../math';
import { hitsLabel, labelCorners, scaledSegmentLabel } from '../label/segment-label';
import { nearPolyline } from '../polyline';
import { pathPoints, scalePath } from '../line/geometry';
import type { Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Arrow = DraftOf<'arrow'>;

/** Angle between the shaft and each wing. */
export const ARROWHEAD_ANGLE_RAD = Math.PI / 6;

/** Wing length: grows with the stroke, never more than half the shaft so short arrows stay arrows. */
export function arrowheadLength(strokeWidth: number, shaftLength: number): number {
  return Math.min(Math.max(12, strokeWidth * 4), shaftLength / 2);
}

/** The two wing ends of a head at `tip`, pointing away from `tail` (shape frame). */
export function arrowheadWings(tip: Point, tail: Point, strokeWidth: number): [Point, Point] {
  const length = arrowheadLength(strokeWidth, distance(tip, tail));
  const back = Math.atan2(tail.y - tip.y, tail.x - tip.x);
  const wing = (angle: number): Point => ({ x: tip.x + length * Math.cos(angle), y: tip.y + length * Math.sin(angle) });
  return [wing(back - ARROWHEAD_ANGLE_RAD), wing(back + ARROWHEAD_ANGLE_RAD)];
}

/**
 * The heads an arrow draws, in its frame: each tip with the point its shaft
 * comes from (the neighbouring point of the path). The painter, the Konva view
 * and the SVG export draw these, so what is drawn is what bounds include.
 */
export function arrowheadsOf(shape: Pick<Arrow, 'arrowheads'>, path: readonly Point[]): [Point, Point][] {
  const first = path[0];
  const last = path[path.length - 1];
  const second = path[1];
  const beforeLast = path[path.length - 2];
  const heads: [Point, Point][] = [];
  if (shape.arrowheads.start && first && second) heads.push([first, second]);
  if (shape.arrowheads.end && last && beforeLast) heads.push([last, beforeLast]);
  return heads;
}

/** Everything the arrow draws through, in its frame: the path, the wings of each head, its label. */
function outlinePoints(shape: Arrow): Point[] {
  const path = pathPoints(shape.points);
  const points = [...path, ...labelCorners(shape)];
  for (const [tip, tail] of arrowheadsOf(shape, path))
    points.push(...arrowheadWings(tip, tail, shape.style.strokeWidth));
  return points;
}

export function bounds(shape: Arrow): Box {
  return boundsOfLocalPoints(shape, outlinePoints(shape), shape.style.strokeWidth / 2);
}

/** The shaft or the label: the wings lie within a few units of its end, well inside a pointer's reach. */
export function hitTest(shape: Arrow, point: Point, tolerance: number): boolean {
  const reach = tolerance + shape.style.strokeWidth / 2;
  const local = boardToLocal(shape, point);
  return nearPolyline(pathPoints(shape.points), local, () => reach) || hitsLabel(shape, local);
}

export function intersectsRect(shape: Arrow, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

export function scale(shape: Arrow, scaling: Scaling): GeometryPatch<'arrow'> {
  const scaled = scalePath(shape, scaling);
  return { ...scaled, ...scaledSegmentLabel(shape, scaled.points) };
}
