/**
 * The scripted pan/zoom the benchmark plays with real wheel input: a 5 s
 * cycle of panning at zoom 1, zooming out to 0.1, panning there (thousands of
 * shapes on screen), zooming to 0.3, panning, zooming in to 2, panning, and
 * back to 1. Zoom steps are ctrl+wheel around the screen centre; the expected
 * zoom after each step mirrors the canvas (renderer/canvas/viewport-math:
 * zoom × exp(-deltaY × 0.01), clamped to 0.1-8).
 */

/** Same as WHEEL_ZOOM_PER_PX in renderer/canvas/viewport-math.ts. */
export const WHEEL_ZOOM_PER_PX = 0.01;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;
export const CYCLE_SECONDS = 5;

export interface WheelStep {
  /** When to send it, ms after the start. */
  atMs: number;
  deltaX: number;
  deltaY: number;
  /** Control held: the canvas zooms instead of panning. */
  ctrl: boolean;
  /** The zoom the canvas should be at after this step. */
  zoomAfter: number;
}

type Phase = { share: number; pan: [number, number] } | { share: number; zoomTo: number };

/** Shares of one cycle; they add up to 1. Pans are screen px per event. */
const PHASES: readonly Phase[] = [
  { share: 0.12, pan: [14, 8] },
  { share: 0.16, zoomTo: 0.1 },
  { share: 0.2, pan: [10, -6] },
  { share: 0.08, zoomTo: 0.3 },
  { share: 0.14, pan: [-12, 10] },
  { share: 0.12, zoomTo: 2 },
  { share: 0.1, pan: [-14, -8] },
  { share: 0.08, zoomTo: 1 },
];

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export function inputScript(seconds: number, rateHz = 60): WheelStep[] {
  const total = Math.round(seconds * rateHz);
  const perCycle = Math.round(CYCLE_SECONDS * rateHz);
  // How many events each phase gets in one cycle (the last takes the rounding rest).
  const counts = PHASES.map((phase) => Math.max(1, Math.round(phase.share * perCycle)));
  counts[counts.length - 1] = Math.max(1, perCycle - counts.slice(0, -1).reduce((a, b) => a + b, 0));
  const steps: WheelStep[] = [];
  let zoom = 1;
  for (let cycle = 0; steps.length < total; cycle++) {
    // Alternate the pan direction each cycle so the view wanders back and forth over the board.
    const sign = cycle % 2 === 0 ? 1 : -1;
    for (let p = 0; p < PHASES.length && steps.length < total; p++) {
      const phase = PHASES[p]!;
      const count = counts[p]!;
      const start = zoom;
      for (let i = 0; i < count && steps.length < total; i++) {
        const atMs = (steps.length * 1000) / rateHz;
        if ('pan' in phase) {
          steps.push({ atMs, deltaX: sign * phase.pan[0], deltaY: sign * phase.pan[1], ctrl: false, zoomAfter: zoom });
        } else {
          const deltaY = Math.log(start / phase.zoomTo) / WHEEL_ZOOM_PER_PX / count;
          zoom = clampZoom(zoom * Math.exp(-deltaY * WHEEL_ZOOM_PER_PX));
          steps.push({ atMs, deltaX: 0, deltaY: Math.round(deltaY * 1000) / 1000, ctrl: true, zoomAfter: zoom });
        }
      }
    }
  }
  return steps;
}
