/**
 * Elbow routes: a connector drawn as horizontal and vertical segments. Each
 * end has a heading, the board axis it leaves along: a bound end leaves its
 * target perpendicular to the side facing the other end; a free end heads
 * along the main axis toward the other end. Between the two short stubs the
 * route is an L (headings across each other) or a Z (headings along the same
 * axis), as Excalidraw's elbow arrows look in the common cases; it does not
 * search a way around other shapes.
 */
import { distance, type Point } from '../math';

/** A board axis direction: one of (±1, 0), (0, ±1). */
export type Heading = Point;

/** Board units a bound end runs straight out of its target before the first bend. */
export const ELBOW_STUB = 24;

/** The axis direction from `from` toward `to` along the larger difference. */
export function mainAxisHeading(from: Point, to: Point): Heading {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) >= Math.abs(dy)) return { x: dx < 0 ? -1 : 1, y: 0 };
  return { x: 0, y: dy < 0 ? -1 : 1 };
}

/** The side of a box (centre, half sizes) facing `toward`, as its outward axis direction. */
export function facingSide(centre: Point, halfW: number, halfH: number, toward: Point): Heading {
  const dx = (toward.x - centre.x) / Math.max(halfW, 1e-9);
  const dy = (toward.y - centre.y) / Math.max(halfH, 1e-9);
  if (Math.abs(dx) >= Math.abs(dy)) return { x: dx < 0 ? -1 : 1, y: 0 };
  return { x: 0, y: dy < 0 ? -1 : 1 };
}

export interface ElbowEnd {
  point: Point;
  /** Direction the route leaves this end along (for the last end: pointing away from the path, out of its target). */
  heading: Heading;
  /** Straight run before the first bend: ELBOW_STUB for a bound end, 0 for a free one. */
  stub: number;
}

/** The orthogonal path from `start` to `end`, without repeated or collinear points. */
export function elbowRoute(start: ElbowEnd, end: ElbowEnd): Point[] {
  const a = step(start.point, start.heading, start.stub);
  const b = step(end.point, end.heading, end.stub);
  const horizontalStart = start.heading.x !== 0;
  const horizontalEnd = end.heading.x !== 0;
  let middle: Point[];
  if (horizontalStart && horizontalEnd) {
    const x = bendAt(a.x, b.x, start.heading.x, end.heading.x);
    middle = [
      { x, y: a.y },
      { x, y: b.y },
    ];
  } else if (!horizontalStart && !horizontalEnd) {
    const y = bendAt(a.y, b.y, start.heading.y, end.heading.y);
    middle = [
      { x: a.x, y },
      { x: b.x, y },
    ];
  } else {
    middle = [horizontalStart ? { x: b.x, y: a.y } : { x: a.x, y: b.y }];
  }
  return simplify([start.point, a, ...middle, b, end.point]);
}

function step(p: Point, heading: Heading, by: number): Point {
  return { x: p.x + heading.x * by, y: p.y + heading.y * by };
}

/** Where a Z bends: halfway when the ends face each other, else past the further one. */
function bendAt(a: number, b: number, startSign: number, endSign: number): number {
  if (startSign === -endSign) return (a + b) / 2;
  return startSign > 0 ? Math.max(a, b) : Math.min(a, b);
}

/** Drops repeated points and the middle of three on one line. */
export function simplify(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const p of points) {
    const last = kept[kept.length - 1];
    if (last && distance(last, p) < 1e-6) continue;
    const before = kept[kept.length - 2];
    if (last && before && collinearAxis(before, last, p)) kept[kept.length - 1] = p;
    else kept.push(p);
  }
  return kept;
}

function collinearAxis(a: Point, b: Point, c: Point): boolean {
  const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
  const dot = (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y);
  return Math.abs(cross) < 1e-6 && dot >= 0;
}
