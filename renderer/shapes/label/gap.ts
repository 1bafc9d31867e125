/**
 * A path with a hole where its label is: the parts of each segment outside
 * an axis-aligned box (Liang–Barsky clipping), joined back into runs. Pure
 * geometry, so the canvas, the Konva view and the SVG export draw the same
 * gap without clipping APIs of their own.
 */
import type { Box, Point } from '../math';

/** The parameter range [t0, t1] of a→b that lies inside `box`, or null. */
function insideRange(a: Point, b: Point, box: Box): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.minX],
    [dx, box.maxX - a.x],
    [-dy, a.y - box.minY],
    [dy, box.maxY - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

const at = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** The runs of `path` left outside `box`, in order; the whole path as one run when it misses the box. */
export function pathAroundBox(path: readonly Point[], box: Box): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = path[0] ? [path[0]] : [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Point;
    const b = path[i] as Point;
    const inside = insideRange(a, b, box);
    if (!inside || inside[1] - inside[0] <= 0) {
      run.push(b);
      continue;
    }
    const [t0, t1] = inside;
    if (t0 > 0) run.push(at(a, b, t0));
    if (run.length > 1) runs.push(run);
    run = t1 < 1 ? [at(a, b, t1), b] : [b];
  }
  if (run.length > 1) runs.push(run);
  return runs;
}
