/**
 * Tools that make one shape by pressing and dragging (rect, ellipse, line,
 * arrow): idle → pointing → dragging → idle. The shape shows as a preview
 * while dragging and is written once, on pointer up, after which the tool
 * hands over to select with it selected. Subclasses say what shape a gesture
 * makes, and whether a click without a drag makes one.
 */
import type { DraftShape } from '../shapes';
import { BaseTool } from './base-tool';
import { DRAG_THRESHOLD_PX } from './constants';
import type { PointerInput, Preview } from './tool';

export interface DragGesture {
  kind: 'pointing' | 'dragging';
  id: string;
  down: PointerInput;
  /** Where the pointer is now, with the modifiers it had. */
  current: PointerInput;
}

export abstract class DragCreateTool extends BaseTool {
  private gesture: DragGesture | null = null;

  get state(): 'idle' | DragGesture['kind'] {
    return this.gesture?.kind ?? 'idle';
  }

  /** The shape the gesture makes so far; null for a click when a click makes nothing. */
  protected abstract shapeFor(gesture: DragGesture): DraftShape | null;

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || e.button !== 0) return;
    this.gesture = { kind: 'pointing', id: this.ctx.board.newId(), down: e, current: e };
  }

  protected override onPointerMove(e: PointerInput): void {
    const gesture = this.gesture;
    if (!gesture) return;
    gesture.current = e;
    if (gesture.kind === 'pointing' && this.movedBeyond(gesture.down, e, DRAG_THRESHOLD_PX)) gesture.kind = 'dragging';
  }

  protected override onPointerUp(e: PointerInput): void {
    const gesture = this.gesture;
    if (!gesture) return;
    this.onPointerMove(e);
    this.gesture = null;
    const shape = this.shapeFor(gesture);
    if (!shape) return;
    this.write(shape);
    this.selectCreated(gesture.id);
  }

  /** Writes the finished shape, in the frame it was drawn in. */
  protected write(shape: DraftShape): void {
    this.ctx.board.create(this.inFrame(shape));
  }

  cancel(): void {
    this.gesture = null;
  }

  override preview(): Preview | null {
    const gesture = this.gesture;
    if (gesture?.kind !== 'dragging') return null;
    const shape = this.shapeFor(gesture);
    return shape ? { kind: 'draft', tool: this.id, shape } : null;
  }
}
