/**
 * Pure viewport arithmetic for the canvas (tested without a DOM). The
 * viewport is the board point at the screen's top-left plus a zoom (screen
 * px per board unit), so screen = (board - viewport.xy) * zoom.
 */
import type { Box, Point } from '../shapes';
import { clampZoom, type Viewport } from '../state/ui-store';

export interface Size {
  width: number;
  height: number;
}

/**
 * Ctrl/Cmd+wheel and trackpad pinch zoom by exp(-deltaY × this): exponential,
 * so in and out are symmetric, and proportional, so a pinch (a stream of small
 * deltas) follows the fingers.
 */
export const WHEEL_ZOOM_PER_PX = 0.01;
/**
 * The most one wheel event zooms. A mouse notch is ~100 px of deltaY, which
 * at WHEEL_ZOOM_PER_PX alone would zoom 2.7×; Excalidraw and tldraw move
 * about 10 % a notch.
 */
export const MAX_WHEEL_ZOOM_STEP = 1.1;

/** The board box the screen shows. */
export function visibleBox(viewport: Viewport, size: Size): Box {
  return {
    minX: viewport.x,
    minY: viewport.y,
    maxX: viewport.x + size.width / viewport.zoom,
    maxY: viewport.y + size.height / viewport.zoom,
  };
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

export function boardToScreen(viewport: Viewport, p: Point): Point {
  return { x: (p.x - viewport.x) * viewport.zoom, y: (p.y - viewport.y) * viewport.zoom };
}

/** Zooms to `zoom` (clamped) keeping the board point under `screen` where it is. */
export function zoomAround(viewport: Viewport, screen: Point, zoom: number): Viewport {
  const next = clampZoom(zoom);
  const anchorX = viewport.x + screen.x / viewport.zoom;
  const anchorY = viewport.y + screen.y / viewport.zoom;
  return { x: anchorX - screen.x / next, y: anchorY - screen.y / next, zoom: next };
}

/** A plain wheel or two-finger scroll pans; the deltas are screen pixels, so divide by the zoom. */
export function panByWheel(viewport: Viewport, deltaX: number, deltaY: number): Viewport {
  return { ...viewport, x: viewport.x + deltaX / viewport.zoom, y: viewport.y + deltaY / viewport.zoom };
}

/** The zoom factor of one ctrl wheel event: proportional to deltaY, at most MAX_WHEEL_ZOOM_STEP either way. */
export function wheelZoomFactor(deltaY: number): number {
  const limit = Math.log(MAX_WHEEL_ZOOM_STEP);
  return Math.exp(Math.min(limit, Math.max(-limit, -deltaY * WHEEL_ZOOM_PER_PX)));
}

/** Ctrl/Cmd+wheel, and trackpad pinch (which browsers report as a ctrl wheel), zooms around the cursor. */
export function zoomByWheel(viewport: Viewport, screen: Point, deltaY: number): Viewport {
  return zoomAround(viewport, screen, viewport.zoom * wheelZoomFactor(deltaY));
}

/**
 * Two fingers moved from (a0, b0) to (a1, b1), in screen pixels: the zoom
 * follows the distance between them and the board point that was under
 * their midpoint stays under it, so a pinch zooms and pans at once.
 */
export function pinchViewport(start: Viewport, a0: Point, b0: Point, a1: Point, b1: Point): Viewport {
  const startDistance = Math.hypot(b0.x - a0.x, b0.y - a0.y);
  const distance = Math.hypot(b1.x - a1.x, b1.y - a1.y);
  const zoom = clampZoom(startDistance > 0 ? (start.zoom * distance) / startDistance : start.zoom);
  const c0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const c1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const anchor = { x: start.x + c0.x / start.zoom, y: start.y + c0.y / start.zoom };
  return { x: anchor.x - c1.x / zoom, y: anchor.y - c1.y / zoom, zoom };
}

/** DOM WheelEvent.deltaMode: lines and pages become pixels so every device pans alike. */
export function wheelDeltaPx(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === 1) return delta * 16;
  if (deltaMode === 2) return delta * pageSize;
  return delta;
}
