/**
 * Plain 2D helpers in board coordinates. Boxes are axis-aligned and always
 * normalised (min ≤ max), so every caller can compare them without sorting.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Shortest distance from `p` to the segment a–b (a point when a = b). */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return distance(p, a);
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** `p` rotated by `angle` radians (clockwise on screen, where y points down) about `origin`. */
export function rotatePoint(p: Point, angle: number, origin: Point = { x: 0, y: 0 }): Point {
  if (angle === 0) return { x: p.x, y: p.y };
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - origin.x;
  const dy = p.y - origin.y;
  return { x: origin.x + dx * cos - dy * sin, y: origin.y + dx * sin + dy * cos };
}

/** An angle in [0, 2π), without -0 and without 2π itself (float noise). */
export function normaliseAngle(angle: number): number {
  const TAU = Math.PI * 2;
  const result = ((angle % TAU) + TAU) % TAU;
  return result === 0 || Math.abs(result - TAU) < 1e-12 ? 0 : result;
}

/** The box spanned by two corners given in any order (a drag up-left works). */
export function boxFromCorners(a: Point, b: Point): Box {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/** The smallest box holding every point; null when there are none. */
export function boxOfPoints(points: Iterable<Point>): Box | null {
  let box: Box | null = null;
  for (const { x, y } of points) {
    if (!box) box = { minX: x, minY: y, maxX: x, maxY: y };
    else {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

/** The smallest box holding every box; null when there are none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let union: Box | null = null;
  for (const box of boxes) {
    union = union
      ? {
          minX: Math.min(union.minX, box.minX),
          minY: Math.min(union.minY, box.minY),
          maxX: Math.max(union.maxX, box.maxX),
          maxY: Math.max(union.maxY, box.maxY),
        }
      : { ...box };
  }
  return union;
}

export function expandBox(box: Box, by: number): Box {
  return { minX: box.minX - by, minY: box.minY - by, maxX: box.maxX + by, maxY: box.maxY + by };
}

export function boxContainsPoint(box: Box, p: Point): boolean {
  return p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;
}

/** Whether `inner` lies entirely inside `outer` (edges may touch). */
export function boxContainsBox(outer: Box, inner: Box): boolean {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}

export function boxCentre(box: Box): Point {
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
