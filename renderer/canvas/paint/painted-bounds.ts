/**
 * Where a shape puts pixels on the canvas, which the spatial index keys it by
 * (culling, hit candidates, dirty regions): its geometry's bounds, and for a
 * frame also its name written above it, which a click can grab and which an
 * edit must repaint, though the frame's own bounds (its selection box) leave
 * it out.
 */
import type { DraftShape } from '../../shapes';
import { type Box, boxOfPoints, frameNameBox, localToBoard, unionBoxes } from '../../shapes';
import { cachedBounds, memoByShape } from './shape-cache';

const frameBounds = memoByShape((shape) => {
  const own = cachedBounds(shape);
  if (shape.type !== 'frame') return own;
  const name = frameNameBox(shape);
  const corners = [
    { x: name.minX, y: name.minY },
    { x: name.maxX, y: name.minY },
    { x: name.maxX, y: name.maxY },
    { x: name.minX, y: name.maxY },
  ].map((corner) => localToBoard(shape, corner));
  return unionBoxes([own, boxOfPoints(corners) ?? own]) ?? own;
});

export function paintedBounds(shape: DraftShape): Box {
  return shape.type === 'frame' ? frameBounds(shape) : cachedBounds(shape);
}
