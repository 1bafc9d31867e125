/**
 * Turns the raw points of a pen gesture into what is stored: a light
 * smoothing pass (hand tremor and pointer quantisation), then
 * Ramer–Douglas–Peucker to drop points the eye cannot miss, then a hard cap
 * at the model's point limit. Pure functions over flat [x, y, pressure, …].
 */
import { MAX_PEN_POINTS, PEN_POINT_STRIDE } from '../../../shared/model';
import { distanceToSegment } from '../math';

const S = PEN_POINT_STRIDE;

function at(points: readonly number[], index: number, field: number): number {
  return points[index * S + field] ?? 0;
}

/** One pass of a 1-2-1 average over inner points (x, y and pressure); the ends stay where they were drawn. */
export function smoothStroke(points: readonly number[]): number[] {
  const count = points.length / S;
  const result = points.slice();
  for (let i = 1; i < count - 1; i++) {
    for (let field = 0; field < S; field++) {
      result[i * S + field] = (at(points, i - 1, field) + 2 * at(points, i, field) + at(points, i + 1, field)) / 4;
    }
  }
  return result;
}

/** Drops points closer than `tolerance` to the line through the points kept around them (Douglas–Peucker). */
export function simplifyStroke(points: readonly number[], tolerance: number): number[] {
  const count = points.length / S;
  if (count <= 2) return points.slice();
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const spans: [number, number][] = [[0, count - 1]]; // a stack, not recursion: 40,000 raw points must not overflow
  const point = (i: number) => ({ x: at(points, i, 0), y: at(points, i, 1) });
  for (let span = spans.pop(); span; span = spans.pop()) {
    const [first, last] = span;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(point(i), point(first), point(last));
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    spans.push([first, farthest], [farthest, last]);
  }
  const result: number[] = [];
  for (let i = 0; i < count; i++) if (keep[i]) result.push(...points.slice(i * S, i * S + S));
  return result;
}

/** At most `max` points, picked evenly, first and last included. */
export function limitPoints(points: readonly number[], max: number): number[] {
  const count = points.length / S;
  if (count <= max) return points.slice();
  if (max <= 1) return points.slice(0, S);
  const result: number[] = [];
  const step = (count - 1) / (max - 1);
  for (let k = 0; k < max; k++) {
    const i = Math.round(k * step);
    result.push(...points.slice(i * S, i * S + S));
  }
  return result;
}

/** Raw gesture points → stored points: smoothed, simplified within `tolerance`, at most `max` points. */
export function finishStroke(raw: readonly number[], tolerance: number, max = MAX_PEN_POINTS): number[] {
  return limitPoints(simplifyStroke(smoothStroke(raw), tolerance), max);
}
