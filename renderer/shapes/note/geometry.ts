/**
 * Sticky note: an opaque w × h card, hit anywhere inside. It is painted in
 * its `color` without an outline, so the stroke width does not grow it.
 * Its text never leaves the card (./layout.ts), so the card is the shape.
 */
import { boxBounds, hitsBoxArea } from '../box-geometry';
import { boxContainsBox, type Box, type Point } from '../math';
import { scaleBox, type Scaling } from '../scaling';
import type { DraftOf, GeometryPatch } from '../types';
import { noteHeightFor } from './layout';

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

/**
 * The card resizes; the font size stays, so the text reflows like a real
 * note. The card stays tall enough for its reflowed text, growing downwards
 * from its top edge (./layout.ts).
 */
export function scale(shape: Note, scaling: Scaling): GeometryPatch<'note'> {
  const placed = scaleBox(shape, scaling);
  return { ...placed, h: noteHeightFor({ ...shape, w: placed.w, h: placed.h }) };
}
