/**
 * Drawing a pen stroke: its outline (shapes/pen/outline.ts, perfect-freehand)
 * filled as one path, so a translucent stroke has no darker overlaps. The
 * path runs through the midpoints of the outline's edges with quadratic
 * curves at its vertices, how perfect-freehand outlines are meant to be
 * drawn. The preview, the board and any exporter trace it here alike.
 */
import { penOutline } from '../../shapes';

export { penOutline };

/** What tracing needs: a CanvasRenderingContext2D, a Path2D and Konva's Context all have these. */
export interface PenPathSink {
  moveTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
}

/** Adds the closed, smoothed outline (flat [x, y, …]) to `path`; nothing for fewer than three points. */
export function tracePenOutline(path: PenPathSink, outline: readonly number[]): void {
  const n = Math.floor(outline.length / 2);
  if (n < 3) return;
  const x = (i: number) => outline[(i % n) * 2] ?? 0;
  const y = (i: number) => outline[(i % n) * 2 + 1] ?? 0;
  path.moveTo((x(0) + x(1)) / 2, (y(0) + y(1)) / 2);
  for (let i = 1; i <= n; i++) path.quadraticCurveTo(x(i), y(i), (x(i) + x(i + 1)) / 2, (y(i) + y(i + 1)) / 2);
  path.closePath();
}
