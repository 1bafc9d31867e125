/** Bounds and hit tests shared by the box kinds (rect, note, text), in the shape's frame. */
import { boardToLocal, boundsOfLocalPoints, boxCorners, type Placement } from './frame';
import type { Box, Point } from './math';

/** Board bounds of the local box (0, 0)–(w, h) grown by `pad` on every side. */
export function boxBounds(shape: Placement, w: number, h: number, pad: number): Box {
  return boundsOfLocalPoints(shape, boxCorners(w, h), pad);
}

/** Signed distance from a local point to the box edge: negative inside. */
function signedDistanceToBox(p: Point, w: number, h: number): number {
  const dx = Math.max(-p.x, p.x - w);
  const dy = Math.max(-p.y, p.y - h);
  if (dx <= 0 && dy <= 0) return Math.max(dx, dy); // inside: minus the distance to the nearest side
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
}

/** Inside the box, or within `reach` of it. */
export function hitsBoxArea(shape: Placement, w: number, h: number, point: Point, reach: number): boolean {
  return signedDistanceToBox(boardToLocal(shape, point), w, h) <= reach;
}

/** Within `reach` of the box outline, inside or out. */
export function hitsBoxOutline(shape: Placement, w: number, h: number, point: Point, reach: number): boolean {
  return Math.abs(signedDistanceToBox(boardToLocal(shape, point), w, h)) <= reach;
}

/** Whether a stroked kind paints its inside (and so is hit there). */
export function isFilled(style: { fill: string }): boolean {
  return style.fill !== 'none';
}
