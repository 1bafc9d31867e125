/**
 * What a line's or arrow's label adds to its geometry: the label is part of
 * the shape, so a click on it picks the shape, the selection box holds it,
 * and a resize scales its font by how much the path's length changed.
 */
import { boxContainsPoint, type Point } from '../math';
import { pathAroundBox } from './gap';
import { pointsOf } from '../polyline';
import { labelLayout, pathMidpoint } from './layout';
import { scaledLabelFont } from './scale';
import type { DraftOf } from '../types';

type Segment = DraftOf<'line'> | DraftOf<'arrow'>;

/** The corners of the label's gap box, local frame; none without a label. */
export function labelCorners(shape: Segment): Point[] {
  const gap = labelLayout(shape)?.gap;
  if (!gap) return [];
  return [
    { x: gap.minX, y: gap.minY },
    { x: gap.maxX, y: gap.minY },
    { x: gap.maxX, y: gap.maxY },
    { x: gap.minX, y: gap.maxY },
  ];
}

/** Whether a local point is on the label. */
export function hitsLabel(shape: Segment, local: Point): boolean {
  const gap = labelLayout(shape)?.gap;
  return gap ? boxContainsPoint(gap, local) : false;
}

/** The label's font after the path became `points`. */
export function scaledSegmentLabel(shape: Segment, points: readonly number[]): { labelFontSize?: number } {
  if (!shape.label) return {};
  const before = pathMidpoint(pointsOf(shape.points, 2)).length;
  const after = pathMidpoint(pointsOf(points, 2)).length;
  return before > 0 && after > 0 ? scaledLabelFont(shape, after / before) : {};
}

/** The runs a line's or arrow's path is drawn in: the whole path, or the parts outside its label. */
export function segmentRuns(shape: Segment): Point[][] {
  const path = pointsOf(shape.points, 2);
  const gap = labelLayout(shape)?.gap;
  return gap ? pathAroundBox(path, gap) : [path];
}
