/**
 * Free text: the measured box from ../text-metrics.ts (what this machine
 * draws), hit anywhere inside (a user aims at the words, not at glyph
 * outlines). It has no outline.
 */
import { MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/model';
import { boxBounds, hitsBoxArea } from '../box-geometry';
import { boxContainsBox, clamp, type Box, type Point } from '../math';
import { axisStretch, clampSize, placeScaledBox, type Scaling } from '../scaling';
import { measureTextBox, measureTextWidth } from '../text-metrics';
import type { DraftOf, GeometryPatch } from '../types';

type Text = DraftOf<'text'>;

export function bounds(shape: Text): Box {
  const box = measureTextBox(shape);
  return boxBounds(shape, box.w, box.h, 0);
}

export function hitTest(shape: Text, point: Point, tolerance: number): boolean {
  const box = measureTextBox(shape);
  return hitsBoxArea(shape, box.w, box.h, point, tolerance);
}

export function intersectsRect(shape: Text, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

/**
 * Text scales uniformly, by the geometric mean of how much its two axes
 * stretch: the font size grows with the box, so the words keep their line
 * breaks instead of reflowing into a distorted box.
 */
export function scale(shape: Text, scaling: Scaling): GeometryPatch<'text'> {
  const { ex, ey } = axisStretch(scaling, shape.rotation);
  const fontSize = clamp(shape.fontSize * Math.sqrt(ex * ey), MIN_FONT_SIZE, MAX_FONT_SIZE);
  const factor = fontSize / shape.fontSize;
  const box = measureTextBox(shape);
  const placed = placeScaledBox({ ...shape, w: box.w, h: box.h }, scaling, box.w * factor, box.h * factor);
  return {
    x: placed.x,
    y: placed.y,
    rotation: placed.rotation,
    fontSize,
    w: clampSize(measureTextWidth(shape.text, fontSize)),
  };
}
