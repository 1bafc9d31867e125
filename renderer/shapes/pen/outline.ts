/**
 * A pen stroke's outline: the polygon perfect-freehand builds around the
 * stored points, which the canvas fills and the geometry hit-tests and
 * bounds, so what is drawn is what is picked.
 *
 * Pressure: a pen reports real pressure, stored per point. A mouse or touch
 * has none, and the Pointer Events spec reports 0.5 for such hardware, so a
 * stroke whose every point is at 0.5 carries no pressure and perfect-freehand
 * simulates it from the drawing speed. The rule reads only the points, so
 * every painter (canvas, preview, exporter) draws a stroke the same way
 * without a flag in the shape.
 *
 * Widths scale with the style's stroke width: with real pressure the stroke
 * is `penWidthAt(strokeWidth, pressure)` wide (half the width at pressure 0,
 * 1.5 times at 1).
 */
import { getStroke, type StrokeOptions } from 'perfect-freehand';
import { PEN_POINT_STRIDE } from '../../../shared/model';

/** The pressure the Pointer Events spec reports for hardware that has none. */
export const NO_PRESSURE = 0.5;

/**
 * Simulated pressure falls towards 0 at drawing speed, where the stroke is
 * half its size wide: twice the stroke width keeps a quick mouse stroke as
 * wide as a line of the same style, and a slow one fuller.
 */
const SIMULATED_SIZE_FACTOR = 2;

/** Width of the stroke at `pressure` (0..1) with real pressure: the style's width at 0.5, from half to 1.5 times it. */
export function penWidthAt(strokeWidth: number, pressure: number): number {
  return strokeWidth * (0.5 + pressure);
}

/** Whether any point has a pressure other than the no-pressure 0.5 (see the file comment). */
export function hasRealPressure(points: readonly number[]): boolean {
  for (let i = 2; i < points.length; i += PEN_POINT_STRIDE) if (points[i] !== NO_PRESSURE) return true;
  return false;
}

/** perfect-freehand's options for a stroke of `strokeWidth`, with real or simulated pressure. */
function penStrokeOptions(strokeWidth: number, simulatePressure: boolean): StrokeOptions {
  return {
    // Thinning 0.5 makes perfect-freehand's radius size × (0.25 + pressure / 2): penWidthAt with size = strokeWidth.
    size: simulatePressure ? strokeWidth * SIMULATED_SIZE_FACTOR : strokeWidth,
    thinning: 0.5,
    smoothing: 0.5,
    streamline: 0.5,
    simulatePressure,
    // Always a finished stroke, so the stroke being drawn already looks as it will once committed.
    last: true,
  };
}

const outlines = new WeakMap<readonly number[], { strokeWidth: number; outline: readonly number[] }>();

/**
 * The closed outline as flat [x, y, x, y, …] in the shape's frame (the first
 * point is not repeated at the end). A lone point, or a stroke that never
 * moved, is a round dot. Empty only for no points at all. Cached per points
 * array: the doc hands out frozen shapes, so a stroke is outlined once.
 */
export function penOutline(points: readonly number[], strokeWidth: number): readonly number[] {
  const cached = outlines.get(points);
  if (cached?.strokeWidth === strokeWidth) return cached.outline;
  const outline = Object.freeze(buildOutline(points, strokeWidth));
  outlines.set(points, { strokeWidth, outline });
  return outline;
}

function buildOutline(points: readonly number[], strokeWidth: number): number[] {
  const input: [number, number, number][] = [];
  for (let i = 0; i + 2 < points.length; i += PEN_POINT_STRIDE) {
    input.push([points[i] ?? 0, points[i + 1] ?? 0, points[i + 2] ?? NO_PRESSURE]);
  }
  const [first] = input;
  if (!first) return [];
  // perfect-freehand draws one point as a short dash towards (+1, +1); two equal points make it a round dot.
  if (input.length === 1) input.push([...first]);
  const polygon = getStroke(input, penStrokeOptions(strokeWidth, !hasRealPressure(points)));
  const flat: number[] = [];
  for (const [x, y] of polygon) flat.push(x, y);
  return flat;
}
