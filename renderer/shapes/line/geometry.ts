/**
 * Straight line: the segment points[0..1] → points[2..3] in the shape's
 * frame, hit within tolerance + half the stroke.
 */
import { boardToLocal, boundsOfLocalPoints } from '../frame';
import { boxContainsBox, type Box, type Point } from '../math';
import { nearPolyline } from '../polyline';
import { clampCoordinate, scaleLocalVector, scaleOrigin, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Segment = readonly [number, number, number, number];

/** The two ends of a line or arrow, in the shape's frame. */
export function segmentEnds(points: Segment): [Point, Point] {
  return [
    { x: points[0], y: points[1] },
    { x: points[2], y: points[3] },
  ];
}

export function bounds(shape: DraftOf<'line'>): Box {
  return boundsOfLocalPoints(shape, segmentEnds(shape.points), shape.style.strokeWidth / 2);
}

export function hitTest(shape: DraftOf<'line'>, point: Point, tolerance: number): boolean {
  const reach = tolerance + shape.style.strokeWidth / 2;
  return nearPolyline(segmentEnds(shape.points), boardToLocal(shape, point), () => reach);
}

export function intersectsRect(shape: DraftOf<'line'>, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** Exact: both ends go through the scaling. Shared with arrows. */
export function scaleSegment(
  shape: { x: number; y: number; rotation: number; points: Segment },
  scaling: Scaling,
): { x: number; y: number; points: [number, number, number, number] } {
  const [start, end] = segmentEnds(shape.points).map((p) => scaleLocalVector(scaling, shape.rotation, p)) as [
    Point,
    Point,
  ];
  return {
    ...scaleOrigin(shape, scaling),
    points: [clampCoordinate(start.x), clampCoordinate(start.y), clampCoordinate(end.x), clampCoordinate(end.y)],
  };
}

export function scale(shape: DraftOf<'line'>, scaling: Scaling): GeometryPatch<'line'> {
  return scaleSegment(shape, scaling);
}
