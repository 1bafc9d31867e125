/**
 * A pen stroke as one filled polygon: each point is pushed out by half its
 * pressure width (penWidthAt) along the stroke's normal, with round caps. One
 * fill instead of per-segment strokes, so a translucent stroke has no darker
 * overlaps at the joints.
 */
import { PEN_POINT_STRIDE } from '../../../shared/model';
import { penWidthAt } from '../../shapes';

/** Segments per half-circle cap: enough to look round at any normal zoom. */
const CAP_STEPS = 8;

/** Flat [x, y, x, y, …] outline in the shape's frame; empty for fewer than two distinct points (draw a dot instead). */
export function penOutline(points: readonly number[], strokeWidth: number): number[] {
  const xs: number[] = [];
  const ys: number[] = [];
  const rs: number[] = [];
  for (let i = 0; i + 2 < points.length; i += PEN_POINT_STRIDE) {
    const x = points[i] ?? 0;
    const y = points[i + 1] ?? 0;
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x && ys[last] === y) continue;
    xs.push(x);
    ys.push(y);
    rs.push(penWidthAt(strokeWidth, points[i + 2] ?? 0.5) / 2);
  }
  const n = xs.length;
  if (n < 2) return [];
  const left: number[] = [];
  const right: number[] = [];
  const angles: number[] = [];
  for (let i = 0; i < n; i++) {
    const prev = Math.max(0, i - 1);
    const next = Math.min(n - 1, i + 1);
    const angle = Math.atan2((ys[next] ?? 0) - (ys[prev] ?? 0), (xs[next] ?? 0) - (xs[prev] ?? 0));
    angles.push(angle);
    const r = rs[i] ?? 0;
    const nx = -Math.sin(angle) * r;
    const ny = Math.cos(angle) * r;
    left.push((xs[i] ?? 0) + nx, (ys[i] ?? 0) + ny);
    right.push((xs[i] ?? 0) - nx, (ys[i] ?? 0) - ny);
  }
  const cap = (i: number, from: number): number[] => {
    const out: number[] = [];
    const r = rs[i] ?? 0;
    for (let s = 1; s < CAP_STEPS; s++) {
      const a = from - (Math.PI * s) / CAP_STEPS; // clockwise in y-down: round the end, not back over the stroke
      out.push((xs[i] ?? 0) + Math.cos(a) * r, (ys[i] ?? 0) + Math.sin(a) * r);
    }
    return out;
  };
  const reversedRight: number[] = [];
  for (let i = n - 1; i >= 0; i--) reversedRight.push(right[i * 2] ?? 0, right[i * 2 + 1] ?? 0);
  // Left side forward, round the end, right side back, round the start.
  const endAngle = angles[n - 1] ?? 0;
  const startAngle = angles[0] ?? 0;
  return [...left, ...cap(n - 1, endAngle + Math.PI / 2), ...reversedRight, ...cap(0, startAngle - Math.PI / 2)];
}
