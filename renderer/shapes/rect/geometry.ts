/**
 * Rectangle: the box (0, 0)–(w, h) in the shape's frame, stroked on its
 * outline. Filled, it is hit anywhere inside; unfilled, only near the
 * outline (Excalidraw), so a frame drawn around other shapes does not
 * swallow clicks meant for them.
 */
import { boxBounds, hitsBoxArea, hitsBoxOutline, isFilled } from '../box-geometry';
import { boxContainsBox, type Box, type Point } from '../math';
import { scaledLabelFont } from '../label/scale';
import { axisStretch, scaleBox, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Rect = DraftOf<'rect'>;

export function bounds(shape: Rect): Box {
  return boxBounds(shape, shape.w, shape.h, shape.style.strokeWidth / 2);
}

export function hitTest(shape: Rect, point: Point, tolerance: number): boolean {
  const reach = tolerance + shape.style.strokeWidth / 2;
  return isFilled(shape.style)
    ? hitsBoxArea(shape, shape.w, shape.h, point, reach)
    : hitsBoxOutline(shape, shape.w, shape.h, point, reach);
}

export function intersectsRect(shape: Rect, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** The box scales; a label's font scales by the geometric mean of the two stretches, as text's does. */
export function scale(shape: Rect, scaling: Scaling): GeometryPatch<'rect'> {
  const { ex, ey } = axisStretch(scaling, shape.rotation);
  return { ...scaleBox(shape, scaling), ...scaledLabelFont(shape, Math.sqrt(ex * ey)) };
}
