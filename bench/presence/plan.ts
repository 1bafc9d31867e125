/**
 * Where the Mover's pointer goes, in canvas pixels (the board at zoom 1, so
 * the same numbers are board units and the Watcher's screen pixels).
 *
 * Jumps: one move at a time to a point far from the last, then rest, so each
 * position is sent on its own (no awareness throttle in the way) and its
 * arrival on the other side can be told apart.
 *
 * Sweeps: continuous left-to-right motion at 60 Hz, one horizontal line per
 * sweep, each on its own y, so a drawn position identifies the sweep and
 * (x only grows) the moment the pointer was there.
 */

export interface CanvasPoint {
  x: number;
  y: number;
}

/** The part of a 1280 × 800 page's canvas the plan uses, clear of the edges. */
export const AREA = { minX: 80, maxX: 1100, minY: 80, maxY: 560 } as const;
export const JUMP_INTERVAL_MS = 300;
/** Jumps are at least this far apart, px: far more than any glide overshoot or rounding. */
export const MIN_JUMP_PX = 150;
export const SWEEP_STEP_PX = 8;
export const SWEEP_RATE_HZ = 60;
const SWEEP_ROWS = 5;
const SWEEP_ROW_PX = 100;

/** `count` integer points in AREA, each at least MIN_JUMP_PX from the one before; the same every run. */
export function jumpTargets(count: number): CanvasPoint[] {
  let seed = 20_251_122;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const points: CanvasPoint[] = [];
  let last: CanvasPoint = { x: AREA.minX, y: AREA.minY };
  while (points.length < count) {
    const next = {
      x: Math.round(AREA.minX + random() * (AREA.maxX - AREA.minX)),
      y: Math.round(AREA.minY + random() * (AREA.maxY - AREA.minY)),
    };
    if (Math.hypot(next.x - last.x, next.y - last.y) < MIN_JUMP_PX) continue;
    points.push(next);
    last = next;
  }
  return points;
}

export interface Sweep {
  y: number;
  /** The x of each step, growing by SWEEP_STEP_PX from AREA.minX to AREA.maxX. */
  xs: number[];
}

/** `count` sweeps, each on a y no other sweep uses. */
export function sweepPlan(count: number): Sweep[] {
  const xs: number[] = [];
  for (let x = AREA.minX; x <= AREA.maxX; x += SWEEP_STEP_PX) xs.push(x);
  return Array.from({ length: count }, (_, k) => ({
    y: AREA.minY + 20 + (k % SWEEP_ROWS) * SWEEP_ROW_PX + Math.floor(k / SWEEP_ROWS) * 7,
    xs,
  }));
}
