/**
 * Frame: the box (0, 0)–(w, h) in the shape's frame, with its name written
 * above the top-left corner. Like an unfilled rectangle it is hit on its
 * outline, and also on its name (where tldraw and Excalidraw grab a frame);
 * a click inside it picks it only through shapes/pick.ts, so its members stay
 * easy to select.
 */
import { boxBounds, hitsBoxOutline } from '../box-geometry';
import { boardToLocal } from '../frame';
import { boxContainsBox, type Box, type Point } from '../math';
import { scaleBox, type Scaling } from '../scaling';
import { lineHeight, measureTextWidth } from '../text-metrics';
import type { DraftOf, GeometryPatch } from '../types';

type Frame = DraftOf<'frame'>;

/** The name's font size and its gap above the frame, in board units. */
export const FRAME_NAME_FONT_SIZE = 14;
export const FRAME_NAME_GAP = 4;

/** What a frame without a name is called on the canvas and in the frame list. */
export function frameTitle(shape: Pick<Frame, 'name'>): string {
  return shape.name.trim() || 'Frame';
}

/** The name's box in the frame's own coordinates: above (0, 0), at most as wide as the frame. */
export function frameNameBox(shape: Frame): Box {
  const height = lineHeight(FRAME_NAME_FONT_SIZE);
  const width = Math.min(Math.max(shape.w, 40), measureTextWidth(frameTitle(shape), FRAME_NAME_FONT_SIZE));
  return { minX: 0, minY: -FRAME_NAME_GAP - height, maxX: width, maxY: -FRAME_NAME_GAP };
}

export function bounds(shape: Frame): Box {
  return boxBounds(shape, shape.w, shape.h, shape.style.strokeWidth / 2);
}

/** Whether a board point is on the frame's name. */
export function hitsFrameName(shape: Frame, point: Point, tolerance = 0): boolean {
  const local = boardToLocal(shape, point);
  const box = frameNameBox(shape);
  return (
    local.x >= box.minX - tolerance &&
    local.x <= box.maxX + tolerance &&
    local.y >= box.minY - tolerance &&
    local.y <= box.maxY + tolerance
  );
}

export function hitTest(shape: Frame, point: Point, tolerance: number): boolean {
  const reach = tolerance + shape.style.strokeWidth / 2;
  return hitsBoxOutline(shape, shape.w, shape.h, point, reach) || hitsFrameName(shape, point, tolerance);
}

export function intersectsRect(shape: Frame, rect: Box): boolean {
  return boxContainsBox(rect, bounds(shape));
}

export function scale(shape: Frame, scaling: Scaling): GeometryPatch<'frame'> {
  return scaleBox(shape, scaling);
}
