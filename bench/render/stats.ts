/**
 * Frame statistics from requestAnimationFrame deltas (ms between consecutive
 * frames). A frame "drops" when its delta exceeds 1.5 vsync intervals; the
 * vsyncs it missed are round(delta / interval) - 1.
 */
import { percentile } from '../relay/stats';

/** One vsync at 60 Hz, in ms, as the issue states the target. */
export const VSYNC_MS = 16.7;
/** One vsync at 60 Hz exactly, ms. */
export const VSYNC_INTERVAL_MS = 1000 / 60;
export const DROP_FACTOR = 1.5;

export interface FrameStats {
  frames: number;
  /** Sum of the deltas: the span the frames cover, ms. */
  durationMs: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames whose delta exceeded DROP_FACTOR × VSYNC_MS. */
  droppedFrames: number;
  /** Sum over frames of round(delta / VSYNC_MS) - 1 (never negative). */
  missedVsyncs: number;
  /** Frames per second over the span: frames / durationMs × 1000. */
  fps: number;
  /** 1000 / p95: the rate the slowest 5 % of frames would sustain. */
  fpsAtP95: number;
}

export function frameStats(deltas: readonly number[], vsyncMs = VSYNC_MS): FrameStats {
  const sorted = Float64Array.from(deltas).sort();
  let sum = 0;
  let dropped = 0;
  let missed = 0;
  for (const delta of deltas) {
    sum += delta;
    if (delta > vsyncMs * DROP_FACTOR) dropped++;
    missed += Math.max(0, Math.round(delta / vsyncMs) - 1);
  }
  const n = deltas.length;
  const p95 = percentile(sorted, 95);
  return {
    frames: n,
    durationMs: sum,
    meanMs: n > 0 ? sum / n : NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: p95,
    p99Ms: percentile(sorted, 99),
    maxMs: n > 0 ? sorted[n - 1]! : NaN,
    droppedFrames: dropped,
    missedVsyncs: missed,
    fps: sum > 0 ? (n / sum) * 1000 : NaN,
    fpsAtP95: p95 > 0 ? 1000 / p95 : NaN,
  };
}

/**
 * Frame intervals taken from the frames' own timestamps lie on the vsync
 * grid, give or take the 0.1 ms to which the browser coarsens performance
 * timestamps (an idle page shows 16.6, 16.7 and 16.8 ms). Snapping each to
 * a whole number of vsyncs keeps that rounding from reading as lateness; a
 * frame that missed k vsyncs still counts (k + 1) intervals.
 */
export function snapToVsync(deltas: readonly number[], intervalMs = VSYNC_INTERVAL_MS): number[] {
  return deltas.map((delta) => Math.max(1, Math.round(delta / intervalMs)) * intervalMs);
}
