/**
 * Sticky note: an opaque w × h card, hit anywhere inside. It is painted in
 * its `color` without an outline, so the stroke width does not grow it.
 * Text that overflows the card does not count (the card is what you grab).
 */
import { boxBounds, hitsBoxArea } from '../box-geometry';
import { boxContainsBox, type Box, type Point } from '../math';
import { scaleBox, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';

type Note = DraftOf<'note'>;

export const DEFAULT_NOTE_SIZE = 200;

export function bounds(shape: Note): Box {
  return boxBounds(shape, shape.w, shape.h, 0);
}

export function hitTest(shape: Note, point: Point, tolerance: number): boolean {
  return hitsBoxArea(shape, shape.w, shape.h, point, tolerance);
}

export function intersectsRect(shape: Note, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/** The card resizes; the font size stays, so the text reflows like a real note. */
export function scale(shape: Note, scaling: Scaling): GeometryPatch<'note'> {
  return scaleBox(shape, scaling);
}
