/**
 * A connector (line or arrow) as drawn: its bound ends derived from their
 * targets' current geometry (outline.ts) and, for an elbow route, its path
 * re-routed between them (elbow.ts). The stored points are the fallback for
 * an end whose target is missing or cannot take a binding, and the middle
 * points of a straight path. Pure: the same shapes give the same drawing on
 * every client, which is what makes concurrent edits converge.
 */
import { routeOf, type Binding } from '../../../shared/model';
import { boardToLocal, localToBoard } from '../frame';
import { flatPoints, pathPoints } from '../line/geometry';
import type { Point } from '../math';
import type { DraftOf, DraftShape } from '../types';
import { elbowRoute, ELBOW_STUB, facingSide, mainAxisHeading, type ElbowEnd } from './elbow';
import { anchorPoint, bindTargetOf, boundEnd, type BindTarget } from './outline';

export type Connector = DraftOf<'line'> | DraftOf<'arrow'>;
export type ShapeLookup = (id: string) => DraftShape | undefined;

export function isConnector<S extends DraftShape>(shape: S): shape is Extract<S, { type: 'line' | 'arrow' }> {
  return shape.type === 'line' || shape.type === 'arrow';
}

/** Whether the drawing depends on more than the stored points: a binding or an elbow route. */
export function isDerived(shape: DraftShape): shape is Connector {
  return isConnector(shape) && (!!shape.startBinding || !!shape.endBinding || routeOf(shape) === 'elbow');
}

/** The shape ids a connector's ends are bound to. */
export function boundIds(shape: DraftShape): string[] {
  if (!isConnector(shape)) return [];
  return [shape.startBinding?.shapeId, shape.endBinding?.shapeId].filter((id): id is string => id !== undefined);
}

interface BoundEnd {
  target: BindTarget;
  anchor: readonly [number, number];
}

function boundTo(binding: Binding | undefined, selfId: string, lookup: ShapeLookup): BoundEnd | null {
  if (!binding || binding.shapeId === selfId) return null;
  const shape = lookup(binding.shapeId);
  const target = shape ? bindTargetOf(shape) : null;
  return target ? { target, anchor: binding.anchor } : null;
}

/** The connector's path as drawn, in board coordinates. */
export function drawnPath(shape: Connector, lookup: ShapeLookup): Point[] {
  const stored = pathPoints(shape.points).map((p) => localToBoard(shape, p));
  const start = boundTo(shape.startBinding, shape.id, lookup);
  const end = boundTo(shape.endBinding, shape.id, lookup);
  const first = stored[0] as Point;
  const last = stored[stored.length - 1] as Point;
  // Where each end looks when it has no middle point to aim at: the other end's anchor, else its stored point.
  const startRef = end ? anchorPoint(end.target, end.anchor) : last;
  const endRef = start ? anchorPoint(start.target, start.anchor) : first;
  if (routeOf(shape) === 'elbow') {
    return elbowRoute(elbowEnd(start, first, startRef), elbowEnd(end, last, endRef));
  }
  if (!start && !end) return stored;
  const middle = stored.slice(1, -1);
  const towardFromStart = middle[0] ?? startRef;
  const towardFromEnd = middle[middle.length - 1] ?? endRef;
  return [
    start ? boundEnd(start.target, start.anchor, towardFromStart) : first,
    ...middle,
    end ? boundEnd(end.target, end.anchor, towardFromEnd) : last,
  ];
}

function elbowEnd(bound: BoundEnd | null, stored: Point, other: Point): ElbowEnd {
  if (!bound) return { point: stored, heading: mainAxisHeading(stored, other), stub: 0 };
  const { target, anchor } = bound;
  const centre = localToBoard(target, { x: target.w / 2, y: target.h / 2 });
  const cos = Math.abs(Math.cos(target.rotation));
  const sin = Math.abs(Math.sin(target.rotation));
  const halfW = (target.w * cos + target.h * sin) / 2;
  const halfH = (target.w * sin + target.h * cos) / 2;
  const heading = facingSide(centre, halfW, halfH, other);
  const from = anchorPoint(target, anchor);
  const far = target.w + target.h + 100;
  const point = boundEnd(target, anchor, { x: from.x + heading.x * far, y: from.y + heading.y * far });
  return { point, heading, stub: ELBOW_STUB };
}

/**
 * The connector with its points as drawn (in its own frame; x, y and
 * rotation kept); the same object when nothing is derived or nothing moved.
 */
export function resolveConnector<S extends DraftShape>(shape: S, lookup: ShapeLookup): S {
  if (!isDerived(shape)) return shape;
  const path = drawnPath(shape, lookup);
  if (path.length < 2) return shape; // both ends at one point: keep the stored (valid) path
  const points = flatPoints(path.map((p) => boardToLocal(shape, p)));
  if (points.length === shape.points.length && points.every((value, i) => value === shape.points[i])) return shape;
  return { ...shape, points };
}
