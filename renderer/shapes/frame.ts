/**
 * A shape's own frame. Geometry (w, h, points) is stored relative to the
 * shape's (x, y), and `rotation` (radians) turns it about that same (x, y):
 * that is the contract in shared/model/shapes/common.ts, and it is also how
 * Konva rotates a node with no offset. Every kind goes through these two
 * functions, so the pivot is decided here and nowhere else.
 */
import { rotatePoint, type Box, type Point } from './math';

export interface Placement {
  x: number;
  y: number;
  rotation: number;
}

/** A point of the shape's frame in board coordinates. */
export function localToBoard(shape: Placement, p: Point): Point {
  const turned = rotatePoint(p, shape.rotation);
  return { x: shape.x + turned.x, y: shape.y + turned.y };
}

/** A board point in the shape's frame, where hit tests are simple. */
export function boardToLocal(shape: Placement, p: Point): Point {
  return rotatePoint({ x: p.x - shape.x, y: p.y - shape.y }, -shape.rotation);
}

/**
 * The board-space box of points given in the shape's frame, grown by `pad`
 * (half a stroke): exact for a polyline or polygon stroked with round ends.
 */
export function boundsOfLocalPoints(shape: Placement, points: readonly Point[], pad: number): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  for (const p of points) {
    const x = shape.x + p.x * cos - p.y * sin;
    const y = shape.y + p.x * sin + p.y * cos;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (points.length === 0) return { minX: shape.x, minY: shape.y, maxX: shape.x, maxY: shape.y };
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}

/** The four corners of the local box (0, 0)–(w, h). */
export function boxCorners(w: number, h: number): Point[] {
  return [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
}
