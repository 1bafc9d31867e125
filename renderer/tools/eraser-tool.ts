/**
 * Eraser: idle → erasing → idle, and the eraser stays active (like the pen).
 *
 * Every shape the pointer's path touches (its hit test, with the eraser's
 * radius as tolerance) is marked; the preview lists them so the view can
 * fade them. On up, all marked shapes are deleted in one change (one undo
 * step brings them all back); Esc deletes nothing. Locked shapes are never marked. The path is sampled
 * between events, so a fast swipe does not jump over a thin line.
 */
import { boxFromCorners, distance, expandBox, hitTestShape, type Point } from '../shapes';
import { BaseTool } from './base-tool';
import { ERASER_RADIUS_PX } from './constants';
import { pickable } from './select/group-selection';
import type { PointerInput, Preview } from './tool';

/** Trail points kept for the preview: enough for a fading tail, small enough for awareness. */
const TRAIL_POINTS = 32;

interface Erasing {
  kind: 'erasing';
  marked: Set<string>;
  trail: Point[];
}

export class EraserTool extends BaseTool {
  readonly id = 'eraser';
  private gesture: Erasing | null = null;

  get state(): 'idle' | 'erasing' {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || e.button !== 0) return;
    this.gesture = { kind: 'erasing', marked: new Set(), trail: [] };
    this.eraseAlong(e);
  }

  protected override onPointerMove(e: PointerInput): void {
    this.eraseAlong(e);
  }

  protected override onPointerUp(e: PointerInput): void {
    this.eraseAlong(e);
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture && gesture.marked.size > 0) this.ctx.board.delete([...gesture.marked]);
  }

  cancel(): void {
    this.gesture = null;
  }

  override preview(): Preview | null {
    if (!this.gesture) return null;
    return { kind: 'erase', tool: 'eraser', ids: [...this.gesture.marked], trail: [...this.gesture.trail] };
  }

  /** Marks what lies on the way from the last trail point to `e`, sampled every half radius. */
  private eraseAlong(e: PointerInput): void {
    const gesture = this.gesture;
    if (!gesture) return;
    const radius = this.boardLength(ERASER_RADIUS_PX);
    const to = { x: e.x, y: e.y };
    const from = gesture.trail.at(-1) ?? to;
    const steps = Math.max(1, Math.ceil(distance(from, to) / (radius / 2)));
    // Only shapes near the swept segment can be hit: ask the index, not every shape on the board.
    // Locked shapes stay whatever the eraser crosses.
    const candidates = pickable(this.ctx.shapes.query(expandBox(boxFromCorners(from, to), radius))).filter(
      (shape) => !gesture.marked.has(shape.id),
    );
    for (let step = 1; step <= steps && candidates.length > 0; step++) {
      const t = step / steps;
      const point = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
      for (let i = candidates.length - 1; i >= 0; i--) {
        const shape = candidates[i];
        if (shape && hitTestShape(shape, point, radius)) {
          gesture.marked.add(shape.id);
          candidates.splice(i, 1);
        }
      }
    }
    gesture.trail.push(to);
    if (gesture.trail.length > TRAIL_POINTS) gesture.trail.shift();
  }
}
