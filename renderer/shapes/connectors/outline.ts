/**
 * Where a bound connector end meets its target (docs/ARCHITECTURE.md#tools-and-shapes). The
 * binding stores an anchor (u, v) in the target's unrotated box; the end is
 * derived from the target's current geometry whenever the connector is drawn:
 * from the anchor, along the ray toward the connector's neighbouring point,
 * to where the ray leaves the target's outline, plus a small gap (as tldraw's
 * and Excalidraw's bound arrows do). Working in the target's own frame makes
 * rotation exact: the ray and the outline are turned together.
 */
import type { DraftShape } from '../types';
import { boardToLocal, localToBoard, type Placement } from '../frame';
import { clamp, type Point } from '../math';
import { measureTextBox } from '../text-metrics';

/** Board units between a bound end and its target's outline, beyond half the target's stroke. */
export const BINDING_GAP = 4;

/** What a connector end can bind to: a box or the ellipse inscribed in it, placed like its shape. */
export interface BindTarget extends Placement {
  w: number;
  h: number;
  outline: 'box' | 'ellipse';
  /** Half the target's stroke: the gap is measured from the outside of the drawn outline. */
  pad: number;
}

/** The outline a shape offers to connector ends; null for kinds that take none (pen, line, arrow). */
export function bindTargetOf(shape: DraftShape): BindTarget | null {
  const placement = { x: shape.x, y: shape.y, rotation: shape.rotation };
  switch (shape.type) {
    case 'rect':
      return { ...placement, w: shape.w, h: shape.h, outline: 'box', pad: shape.style.strokeWidth / 2 };
    case 'ellipse':
      return { ...placement, w: shape.w, h: shape.h, outline: 'ellipse', pad: shape.style.strokeWidth / 2 };
    case 'note':
    case 'image':
      return { ...placement, w: shape.w, h: shape.h, outline: 'box', pad: 0 };
    case 'text': {
      const box = measureTextBox(shape);
      return { ...placement, w: box.w, h: box.h, outline: 'box', pad: 0 };
    }
    default:
      return null;
  }
}

/** The anchor's board position. */
export function anchorPoint(target: BindTarget, anchor: readonly [number, number]): Point {
  return localToBoard(target, { x: anchor[0] * target.w, y: anchor[1] * target.h });
}

/** The anchor (u, v) of a board point, clamped into the target's box. */
export function anchorAt(target: BindTarget, point: Point): [number, number] {
  const local = boardToLocal(target, point);
  const u = target.w > 0 ? clamp(local.x / target.w, 0, 1) : 0.5;
  const v = target.h > 0 ? clamp(local.y / target.h, 0, 1) : 0.5;
  return [u, v];
}

/**
 * The bound end: the anchor moved along the ray toward `toward` (board) to
 * where it leaves the outline, then `BINDING_GAP` further. When `toward` lies
 * inside the outline (no way out toward it), the end is the anchor itself.
 */
export function boundEnd(target: BindTarget, anchor: readonly [number, number], toward: Point): Point {
  const from = { x: anchor[0] * target.w, y: anchor[1] * target.h };
  const to = boardToLocal(target, toward);
  const d = { x: to.x - from.x, y: to.y - from.y };
  const length = Math.hypot(d.x, d.y);
  if (length < 1e-9) return localToBoard(target, from);
  const t = target.outline === 'ellipse' ? ellipseExit(target, from, d) : boxExit(target, from, d);
  if (t === null || t >= 1) return localToBoard(target, from);
  const beyond = (target.pad + BINDING_GAP) / length;
  const s = Math.min(1, t + beyond);
  return localToBoard(target, { x: from.x + d.x * s, y: from.y + d.y * s });
}

/** Ray parameter where `from + t·d` (from inside the box) leaves (0, 0)–(w, h). */
function boxExit(box: { w: number; h: number }, from: Point, d: Point): number | null {
  let t = Infinity;
  if (d.x > 0) t = Math.min(t, (box.w - from.x) / d.x);
  if (d.x < 0) t = Math.min(t, -from.x / d.x);
  if (d.y > 0) t = Math.min(t, (box.h - from.y) / d.y);
  if (d.y < 0) t = Math.min(t, -from.y / d.y);
  return Number.isFinite(t) ? Math.max(0, t) : null;
}

/** The larger ray parameter where `from + t·d` crosses the inscribed ellipse: its way out. */
function ellipseExit(box: { w: number; h: number }, from: Point, d: Point): number | null {
  const a = box.w / 2;
  const b = box.h / 2;
  if (a < 1e-9 || b < 1e-9) return boxExit(box, from, d); // flat: the box is the ellipse
  const px = (from.x - a) / a;
  const py = (from.y - b) / b;
  const dx = d.x / a;
  const dy = d.y / b;
  const qa = dx * dx + dy * dy;
  const qb = 2 * (px * dx + py * dy);
  const qc = px * px + py * py - 1;
  const discriminant = qb * qb - 4 * qa * qc;
  if (discriminant < 0) return null;
  const t = (-qb + Math.sqrt(discriminant)) / (2 * qa);
  return t > 0 ? t : null;
}
