/**
 * Where a popup menu opened at a point goes so that it stays inside the
 * window: to the right of and below the point when it fits, flipped to the
 * left or above when it would cross the far edge (as native menus do), and
 * pushed in from any edge it still crosses, `margin` pixels clear of it.
 */

export interface MenuPlacementInput {
  /** The pointer, in window pixels. */
  at: { x: number; y: number };
  menu: { width: number; height: number };
  window: { width: number; height: number };
  margin: number;
}

export function placeMenu({ at, menu, window, margin }: MenuPlacementInput): { left: number; top: number } {
  return {
    left: placeAlong(at.x, menu.width, window.width, margin),
    top: placeAlong(at.y, menu.height, window.height, margin),
  };
}

function placeAlong(at: number, size: number, room: number, margin: number): number {
  let start = at + size <= room - margin ? at : at - size;
  start = Math.min(start, room - margin - size);
  return Math.max(margin, start);
}
