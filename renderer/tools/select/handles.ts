/**
 * The handles around a selection: eight resize handles on the corners and
 * edge midpoints of the selection bounds, and a rotation handle above the
 * top edge. Sizes are screen pixels divided by the zoom, so handles feel the
 * same at any zoom. The interactive layer draws them from `selectionHandles`
 * too, so what is drawn is what is grabbed.
 */
import { boxCentre, distance, type Box, type Point, type Scaling } from '../../shapes';
import { HANDLE_HIT_RADIUS_PX, ROTATE_HANDLE_OFFSET_PX } from '../constants';

export type ResizeHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export type Handle = ResizeHandle | 'rotate';

/** Where each resize handle sits, as fractions of the bounds (0 = min, 1 = max). */
const RESIZE_HANDLES: Record<ResizeHandle, { fx: number; fy: number }> = {
  nw: { fx: 0, fy: 0 },
  n: { fx: 0.5, fy: 0 },
  ne: { fx: 1, fy: 0 },
  e: { fx: 1, fy: 0.5 },
  se: { fx: 1, fy: 1 },
  s: { fx: 0.5, fy: 1 },
  sw: { fx: 0, fy: 1 },
  w: { fx: 0, fy: 0.5 },
};

/** Where `handle` sits on the bounds: 0 the min edge, 1 the max edge, 0.5 the middle (that axis does not move). */
export function handleFractions(handle: ResizeHandle): { fx: number; fy: number } {
  return RESIZE_HANDLES[handle];
}

function at(bounds: Box, fx: number, fy: number): Point {
  return { x: bounds.minX + (bounds.maxX - bounds.minX) * fx, y: bounds.minY + (bounds.maxY - bounds.minY) * fy };
}

/** Every handle with its board position, corners first (they win where handles overlap). */
export function selectionHandles(bounds: Box, zoom: number): { handle: Handle; point: Point }[] {
  const order: ResizeHandle[] = ['nw', 'ne', 'se', 'sw', 'n', 'e', 's', 'w'];
  const handles: { handle: Handle; point: Point }[] = order.map((handle) => {
    const { fx, fy } = RESIZE_HANDLES[handle];
    return { handle, point: at(bounds, fx, fy) };
  });
  const top = boxCentre(bounds);
  handles.push({ handle: 'rotate', point: { x: top.x, y: bounds.minY - ROTATE_HANDLE_OFFSET_PX / zoom } });
  return handles;
}

/** The handle under `point`, if any: the nearest one within the hit radius. */
export function handleAt(bounds: Box, point: Point, zoom: number): Handle | null {
  const radius = HANDLE_HIT_RADIUS_PX / zoom;
  let best: Handle | null = null;
  let bestDistance = radius;
  for (const { handle, point: position } of selectionHandles(bounds, zoom)) {
    const d = distance(point, position);
    if (d <= bestDistance) {
      best = handle;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The scaling that moves `handle` by (dx, dy): about the opposite handle,
 * only along the axes the handle moves. `proportional` (Shift) keeps the
 * aspect ratio: corners take the larger factor, edges scale the other axis
 * by as much (about the centre of that axis, where the anchor sits).
 */
export function scalingForHandle(
  handle: ResizeHandle,
  bounds: Box,
  dx: number,
  dy: number,
  proportional: boolean,
): Scaling {
  const { fx, fy } = RESIZE_HANDLES[handle];
  const grabbed = at(bounds, fx, fy);
  const anchor = at(bounds, 1 - fx, 1 - fy);
  const factor = (from: number, to: number, base: number) =>
    Math.abs(from - base) < 1e-9 ? 1 : (to - base) / (from - base);
  const movesX = fx !== 0.5;
  const movesY = fy !== 0.5;
  let sx = movesX ? factor(grabbed.x, grabbed.x + dx, anchor.x) : 1;
  let sy = movesY ? factor(grabbed.y, grabbed.y + dy, anchor.y) : 1;
  if (proportional) {
    if (movesX && movesY) {
      const s = Math.max(Math.abs(sx), Math.abs(sy));
      sx = Math.sign(sx || 1) * s;
      sy = Math.sign(sy || 1) * s;
    } else if (movesX) sy = Math.abs(sx);
    else sx = Math.abs(sy);
  }
  return { anchor, sx, sy };
}
