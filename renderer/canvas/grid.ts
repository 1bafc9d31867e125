/**
 * The grid's lines for a viewport (View › Show grid): minor lines every
 * GRID_SIZE board units, or 5×, 25×… that when zoomed out so far they would
 * crowd closer than MIN_SPACING_PX, and a major line every fifth. Minor lines
 * fade in between MIN_SPACING_PX and FULL_SPACING_PX, so zooming never makes
 * the grid jump. Pure: GridCanvas.tsx paints what this returns.
 */
import type { Viewport } from '../state/ui-store';
import { GRID_SIZE } from '../tools/constants';
import type { Size } from './viewport-math';

/** Minor lines closer than this on screen are not drawn (the next coarser level is). */
export const MIN_SPACING_PX = 6;
/** Minor lines at least this far apart on screen are drawn at full strength. */
export const FULL_SPACING_PX = 18;
/** Every fifth minor line is a major one. */
export const MAJOR_EVERY = 5;

export interface GridLevels {
  /** Board units between minor lines. */
  minorStep: number;
  /** 0..1: how strongly minor lines are drawn. */
  minorAlpha: number;
  majorStep: number;
}

export function gridLevels(zoom: number, base = GRID_SIZE): GridLevels {
  let minorStep = base;
  while (minorStep * zoom < MIN_SPACING_PX) minorStep *= MAJOR_EVERY;
  const spacing = minorStep * zoom;
  const minorAlpha = Math.min(1, Math.max(0, (spacing - MIN_SPACING_PX) / (FULL_SPACING_PX - MIN_SPACING_PX)));
  return { minorStep, minorAlpha, majorStep: minorStep * MAJOR_EVERY };
}

export interface GridLines {
  /** Screen x of each vertical line and y of each horizontal one, in canvas pixels. */
  minorX: number[];
  minorY: number[];
  majorX: number[];
  majorY: number[];
  minorAlpha: number;
}

/** Screen positions of the board lines `k * step` that fall inside `length` pixels from board coordinate `start`. */
function linesAlong(start: number, length: number, zoom: number, step: number, skipEvery: number): number[] {
  const first = Math.ceil(start / step);
  const last = Math.floor((start + length / zoom) / step);
  const lines: number[] = [];
  for (let k = first; k <= last; k++) {
    if (skipEvery > 0 && k % skipEvery === 0) continue; // drawn as a major line
    lines.push((k * step - start) * zoom);
  }
  return lines;
}

/** Where to draw the grid on a canvas of `size` showing `viewport`. */
export function gridLines(viewport: Viewport, size: Size, base = GRID_SIZE): GridLines {
  const { minorStep, minorAlpha, majorStep } = gridLevels(viewport.zoom, base);
  const { x, y, zoom } = viewport;
  const minor = minorAlpha > 0;
  return {
    minorX: minor ? linesAlong(x, size.width, zoom, minorStep, MAJOR_EVERY) : [],
    minorY: minor ? linesAlong(y, size.height, zoom, minorStep, MAJOR_EVERY) : [],
    majorX: linesAlong(x, size.width, zoom, majorStep, 0),
    majorY: linesAlong(y, size.height, zoom, majorStep, 0),
    minorAlpha,
  };
}
