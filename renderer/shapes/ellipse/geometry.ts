/**
 * Ellipse inscribed in the box (0, 0)–(w, h) of the shape's frame. Filled,
 * it is hit inside; unfilled, only near its outline (Excalidraw).
 */
import { isFilled } from '../box-geometry';
import { boardToLocal, localToBoard } from '../frame';
import { boxContainsBox, distanceToSegment, type Box, type Point } from '../math';
import { scaledLabelFont } from '../label/scale';
import { axisStretch, scaleBox, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Ellipse = DraftOf<'ellipse'>;

/** Exact box of the turned ellipse: centre ± the extents of its two radii. */
export function bounds(shape: Ellipse): Box {
  const a = shape.w / 2;
  const b = shape.h / 2;
  const centre = localToBoard(shape, { x: a, y: b });
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  const pad = shape.style.strokeWidth / 2;
  const halfW = Math.hypot(a * cos, b * sin) + pad;
  const halfH = Math.hypot(a * sin, b * cos) + pad;
  return { minX: centre.x - halfW, minY: centre.y - halfH, maxX: centre.x + halfW, maxY: centre.y + halfH };
}

export function hitTest(shape: Ellipse, point: Point, tolerance: number): boolean {
  const a = shape.w / 2;
  const b = shape.h / 2;
  const local = boardToLocal(shape, point);
  const p = { x: local.x - a, y: local.y - b };
  const reach = tolerance + shape.style.strokeWidth / 2;
  if (isFilled(shape.style)) {
    const ra = a + reach;
    const rb = b + reach;
    return (p.x / ra) ** 2 + (p.y / rb) ** 2 <= 1;
  }
  return distanceToEllipse(a, b, p) <= reach;
}

export function intersectsRect(shape: Ellipse, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** The box scales; a label's font scales by the geometric mean of the two stretches, as text's does. */
export function scale(shape: Ellipse, scaling: Scaling): GeometryPatch<'ellipse'> {
  const { ex, ey } = axisStretch(scaling, shape.rotation);
  return { ...scaleBox(shape, scaling), ...scaledLabelFont(shape, Math.sqrt(ex * ey)) };
}

/**
 * Distance from `p` (relative to the centre) to the outline of the ellipse
 * with radii a, b. Iterates towards the nearest outline point in the first
 * quadrant (the "trig-free" method of Luc Maisonobe / 0xfaded): four rounds
 * are well under a hundredth of a unit for any on-screen ellipse.
 */
export function distanceToEllipse(a: number, b: number, p: Point): number {
  const EPSILON = 1e-9;
  if (a < EPSILON || b < EPSILON) {
    // Flat: a segment along the longer radius.
    return distanceToSegment(p, { x: -a, y: -b }, { x: a, y: b });
  }
  const px = Math.abs(p.x);
  const py = Math.abs(p.y);
  // A circle, or the centre of any ellipse, has no single nearest direction for the iteration to find.
  if (a === b) return Math.abs(Math.hypot(px, py) - a);
  if (px < EPSILON && py < EPSILON) return Math.min(a, b);
  let tx = Math.SQRT1_2;
  let ty = Math.SQRT1_2;
  for (let round = 0; round < 4; round++) {
    const ex = ((a * a - b * b) * tx ** 3) / a;
    const ey = ((b * b - a * a) * ty ** 3) / b;
    const rx = a * tx - ex;
    const ry = b * ty - ey;
    const qx = px - ex;
    const qy = py - ey;
    const r = Math.hypot(rx, ry);
    const q = Math.hypot(qx, qy) || EPSILON;
    tx = Math.min(1, Math.max(0, ((qx * r) / q + ex) / a));
    ty = Math.min(1, Math.max(0, ((qy * r) / q + ey) / b));
    const t = Math.hypot(tx, ty);
    tx /= t;
    ty /= t;
  }
  return Math.hypot(px - a * tx, py - b * ty);
}
