/**
 * Snapping while moving or resizing (docs/ARCHITECTURE.md#tools-and-shapes): the
 * moving box's edges and centre are pulled onto another shape's edges or centre
 * when within a few screen pixels, and guide lines show what they met; or, with
 * snap to grid, onto the grid's lines. Pure maths over boxes, so the select tool
 * decides only which boxes take part (the spatial index's, on screen).
 */
import type { Box, Point } from '../../shapes';

export type Axis = 'x' | 'y';

/** A guide drawn while snapped: the line `axis` = `at`, from `from` to `to` along the other axis. */
export interface SnapGuide {
  axis: Axis;
  at: number;
  from: number;
  to: number;
}

export interface SnapOffset {
  dx: number;
  dy: number;
}

/** Min, centre and max of a box along an axis: the places that snap. */
export function stopsOf(box: Box, axis: Axis): [number, number, number] {
  const min = axis === 'x' ? box.minX : box.minY;
  const max = axis === 'x' ? box.maxX : box.maxY;
  return [min, (min + max) / 2, max];
}

/**
 * The smallest shift, within `threshold`, that puts one of `values` on one of `targets`; 0 when
 * none is close enough.
 */
export function nearestShift(values: readonly number[], targets: readonly number[], threshold: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (const value of values) {
    for (const target of targets) {
      const distance = Math.abs(target - value);
      if (distance <= threshold && distance < bestDistance) {
        best = target - value;
        bestDistance = distance;
      }
    }
  }
  return best;
}

function targetsOf(others: readonly Box[], axis: Axis): number[] {
  return others.flatMap((box) => stopsOf(box, axis));
}

/** How far to shift `moving` so it meets the nearest of `others` on each axis (threshold in board units). */
export function snapBox(moving: Box, others: readonly Box[], threshold: number): SnapOffset {
  return {
    dx: nearestShift(stopsOf(moving, 'x'), targetsOf(others, 'x'), threshold),
    dy: nearestShift(stopsOf(moving, 'y'), targetsOf(others, 'y'), threshold),
  };
}

/** The shift that puts the first of `values` that moves (an edge being resized) on another shape's stop. */
export function snapValues(values: readonly number[], others: readonly Box[], axis: Axis, threshold: number): number {
  return nearestShift(values, targetsOf(others, axis), threshold);
}

/** `value` on the nearest grid line. */
export function toGrid(value: number, gridSize: number): number {
  return Math.round(value / gridSize) * gridSize;
}

/** The shift that puts a point (a moved shape's origin) on the grid. */
export function snapPointToGrid(point: Point, gridSize: number): SnapOffset {
  return { dx: toGrid(point.x, gridSize) - point.x, dy: toGrid(point.y, gridSize) - point.y };
}

const SAME = 1e-6;

/** Guides for every stop of `box` that now lies on a stop of one of `others`, spanning both boxes. */
export function guidesFor(box: Box, others: readonly Box[]): SnapGuide[] {
  const guides = new Map<string, SnapGuide>();
  for (const axis of ['x', 'y'] as const) {
    const across: Axis = axis === 'x' ? 'y' : 'x';
    const [boxFrom, , boxTo] = stopsOf(box, across);
    for (const value of stopsOf(box, axis)) {
      for (const other of others) {
        if (!stopsOf(other, axis).some((stop) => Math.abs(stop - value) < SAME)) continue;
        const [otherFrom, , otherTo] = stopsOf(other, across);
        const key = `${axis}:${value}`;
        const known = guides.get(key);
        const from = Math.min(boxFrom, otherFrom, known?.from ?? Infinity);
        const to = Math.max(boxTo, otherTo, known?.to ?? -Infinity);
        guides.set(key, { axis, at: value, from, to });
      }
    }
  }
  return [...guides.values()];
}
