/**
 * Cursor latency from two logs on one clock (Date.now(), ms):
 *
 * - the Mover's pointer: every pointermove its page handled, canvas px;
 * - the Watcher's frames: where the Mover's cursor was drawn in each
 *   animation frame (or null while it was not shown).
 *
 * Both are in the same units (the board at zoom 1 on both sides, and the
 * cursor's transform is rounded to 0.1 px), so "drawn at the point the
 * pointer was at" is a comparison within POSITION_TOLERANCE_PX.
 */
import type { CanvasPoint } from './plan';

export interface Sample {
  t: number;
  x: number;
  y: number;
}

/** One animation frame on the Watcher's side; x and y null while no cursor is drawn. */
export interface Frame {
  t: number;
  x: number | null;
  y: number | null;
}

/** The transform is written with one decimal (RemoteCursors): anything closer is the same point. */
export const POSITION_TOLERANCE_PX = 0.06;

const same = (a: number, b: number) => Math.abs(a - b) <= POSITION_TOLERANCE_PX;
const at = (frame: Frame, point: CanvasPoint) =>
  frame.x !== null && frame.y !== null && same(frame.x, point.x) && same(frame.y, point.y);

export interface JumpLatencies {
  /** Pointer move → first frame in which the cursor left where it was. */
  transit: number[];
  /** Pointer move → first frame in which it is drawn at the new point. */
  arrival: number[];
  /** Jumps whose point was never drawn before the next jump after it (a retargeted glide). */
  superseded: number;
  /** Jumps after which the cursor never moved at all. */
  unseen: number;
  /** Jumps made before the cursor had come to rest on the one before: no transit measured. */
  notAtRest: number;
}

/**
 * Latencies of single jumps: each pointer sample is one jump (the bench
 * moves in one step and then rests), and `frames` are sorted by time.
 */
export function jumpLatencies(jumps: readonly Sample[], frames: readonly Frame[]): JumpLatencies {
  const result: JumpLatencies = { transit: [], arrival: [], superseded: 0, unseen: 0, notAtRest: 0 };
  let from = 0;
  for (const [k, jump] of jumps.entries()) {
    // The last frame at or before the move: where the cursor rested.
    while (from < frames.length && frames[from]!.t <= jump.t) from++;
    const rest = from > 0 ? frames[from - 1]! : null;
    // Still gliding to the jump before: its next frame moves anyway, so that is no transit.
    const resting = k === 0 || (rest !== null && at(rest, jumps[k - 1]!));
    // Two jumps later the glide could pass anywhere; the point must have been reached by then.
    const until = jumps[k + 2]?.t ?? Infinity;
    let moved: number | null = null;
    let arrived: number | null = null;
    for (let i = from; i < frames.length && frames[i]!.t < until; i++) {
      const frame = frames[i]!;
      if (moved === null && (rest === null || frame.x !== rest.x || frame.y !== rest.y)) moved = frame.t;
      if (at(frame, jump)) {
        arrived = frame.t;
        break;
      }
    }
    if (moved === null) result.unseen++;
    else if (!resting) result.notAtRest++;
    else result.transit.push(moved - jump.t);
    if (arrived !== null) result.arrival.push(arrived - jump.t);
    else if (moved !== null) result.superseded++;
  }
  return result;
}

/**
 * Pointer move → the Watcher's socket handed over that position (the first
 * receipt at the jump's point after it), per jump; jumps never received are
 * left out.
 */
export function receiptLatencies(jumps: readonly Sample[], receipts: readonly Sample[]): number[] {
  const latencies: number[] = [];
  for (const jump of jumps) {
    const receipt = receipts.find((r) => r.t >= jump.t && same(r.x, jump.x) && same(r.y, jump.y));
    if (receipt) latencies.push(receipt.t - jump.t);
  }
  return latencies;
}

/**
 * How far behind the pointer the drawn cursor is, once per frame, during
 * left-to-right sweeps: a frame drawing the cursor at (x, y) on a sweep's
 * line lags by its time minus the moment the pointer first got to x or past
 * it on that line. A frame that draws the cursor where it was drawn the
 * frame before, where the pointer still is, is a cursor at rest with the
 * pointer (before a sweep starts, after it ends) and is left out; so are
 * frames between lines (the glide to the next sweep's start).
 */
export function sweepLags(pointer: readonly Sample[], frames: readonly Frame[]): number[] {
  const lines = linesOf(pointer);
  const lags: number[] = [];
  let previous: Frame | null = null;
  for (const frame of frames) {
    const before = previous;
    previous = frame;
    if (frame.x === null || frame.y === null) continue;
    const line = lines.find((candidate) => same(candidate.y, frame.y!));
    const first = line?.samples[0];
    if (!line || !first || frame.t < first.t || frame.x < first.x - POSITION_TOLERANCE_PX) continue;
    const resting = before !== null && before.x === frame.x && before.y === frame.y;
    if (resting && same(pointerAt(line.samples, frame.t).x, frame.x)) continue;
    lags.push(frame.t - firstAtOrPast(line.samples, frame.x).t);
  }
  return lags;
}

/** The pointer's sample at time `t` on a line: the last one at or before it. */
function pointerAt(samples: readonly Sample[], t: number): Sample {
  let low = 0;
  let high = samples.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (samples[mid]!.t <= t) low = mid;
    else high = mid - 1;
  }
  return samples[low]!;
}

interface Line {
  y: number;
  samples: Sample[];
}

/** Consecutive samples on one y make a line; x grows along each. */
function linesOf(pointer: readonly Sample[]): Line[] {
  const lines: Line[] = [];
  for (const sample of pointer) {
    const current = lines[lines.length - 1];
    if (current && same(current.y, sample.y)) current.samples.push(sample);
    else lines.push({ y: sample.y, samples: [sample] });
  }
  return lines;
}

/** The first sample whose x is at or past `x` (binary search: x only grows along a line). */
function firstAtOrPast(samples: readonly Sample[], x: number): Sample {
  let low = 0;
  let high = samples.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (samples[mid]!.x >= x - POSITION_TOLERANCE_PX) high = mid;
    else low = mid + 1;
  }
  return samples[low]!;
}

/** Frames per second over the frames' span. */
export function frameRate(frames: readonly Frame[]): number {
  if (frames.length < 2) return NaN;
  return ((frames.length - 1) / (frames[frames.length - 1]!.t - frames[0]!.t)) * 1000;
}
