/**
 * Image: the box (0, 0)–(w, h) in the shape's frame, hit anywhere inside
 * (a picture is opaque to the pointer, like a filled rectangle). No outline,
 * so its bounds are the box itself.
 */
import { boxBounds, hitsBoxArea } from '../box-geometry';
import { boxContainsBox, type Box, type Point } from '../math';
import { scaleBox, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Image = DraftOf<'image'>;

export function bounds(shape: Image): Box {
  return boxBounds(shape, shape.w, shape.h, 0);
}

export function hitTest(shape: Image, point: Point, tolerance: number): boolean {
  return hitsBoxArea(shape, shape.w, shape.h, point, tolerance);
}

export function intersectsRect(shape: Image, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** The resize handles keep an image's aspect (select tool, keepsAspect); this scales as it is told. */
export function scale(shape: Image, scaling: Scaling): GeometryPatch<'image'> {
  return scaleBox(shape, scaling);
}
