/**
 * Binding a connector end while it is drawn or dragged (docs/ARCHITECTURE.md#tools-and-shapes):
 * an end let go over a shape that takes bindings (rect, ellipse, note, text,
 * image) binds to it at the anchor under the pointer; Alt or Ctrl held lets go
 * without binding, as in Excalidraw. The tools show the end as it will be
 * drawn (resolved against the doc) and highlight the shape meanwhile.
 */
import type { Binding, Shape } from '../../shared/model';
import type { BoardDoc } from '../doc';
import { boardToLocal, type DraftShape, type Point } from '../shapes';
import { anchorAt, bindTargetOf, resolveConnector, type Connector } from '../shapes/connectors';

export interface BindingHit {
  binding: Binding;
  target: Shape;
}

/** Whether the modifiers say "do not bind" (Alt, or Ctrl). */
export function bindingSuppressed(e: { altKey: boolean; ctrlKey: boolean }): boolean {
  return e.altKey || e.ctrlKey;
}

/** The topmost shape taking bindings under `point` (inside it, or within `tolerance` of it), except `selfId`. */
export function bindingAt(board: BoardDoc, point: Point, tolerance: number, selfId: string): BindingHit | null {
  const shapes = board.all();
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes[i];
    if (!shape || shape.id === selfId) continue;
    const target = bindTargetOf(shape);
    if (!target) continue;
    const local = boardToLocal(target, point);
    const inside =
      target.outline === 'ellipse'
        ? insideEllipse(local, target.w, target.h, tolerance)
        : local.x >= -tolerance &&
          local.y >= -tolerance &&
          local.x <= target.w + tolerance &&
          local.y <= target.h + tolerance;
    if (inside) return { binding: { shapeId: shape.id, anchor: anchorAt(target, point) }, target: shape };
  }
  return null;
}

function insideEllipse(p: Point, w: number, h: number, tolerance: number): boolean {
  const a = w / 2 + tolerance;
  const b = h / 2 + tolerance;
  if (a <= 0 || b <= 0) return false;
  return ((p.x - w / 2) / a) ** 2 + ((p.y - h / 2) / b) ** 2 <= 1;
}

/** A draft connector as it will be drawn once written: bound ends derived from the doc's shapes. */
export function drawnDraft<S extends DraftShape & Connector>(board: BoardDoc, draft: S): S {
  return resolveConnector(draft, (id) => board.get(id));
}
