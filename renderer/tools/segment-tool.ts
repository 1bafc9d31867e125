/**
 * Line and arrow: idle → pointing → dragging → idle. Drag from the start to
 * the end; Shift snaps the angle to 45° steps. Arrows get a head at the end.
 * A click without a drag creates nothing (a zero-length line is invisible
 * and cannot be grabbed) and the tool stays active; a drag creates the shape
 * and hands over to select with it selected.
 */
import type { ArrowShape } from '../../shared/model';
import { clampCoordinate, type DraftOf, type Point } from '../shapes';
import { BaseTool } from './base-tool';
import { DRAG_THRESHOLD_PX, LINE_SNAP_RAD } from './constants';
import type { PointerInput, Preview } from './tool';

type SegmentKind = 'line' | 'arrow';

const NEW_ARROWHEADS: ArrowShape['arrowheads'] = { start: false, end: true };

interface SegmentGesture {
  kind: 'pointing' | 'dragging';
  id: string;
  down: PointerInput;
  current: PointerInput;
}

export class SegmentTool extends BaseTool {
  private gesture: SegmentGesture | null = null;

  constructor(
    ctx: ConstructorParameters<typeof BaseTool>[0],
    readonly id: SegmentKind,
  ) {
    super(ctx);
  }

  get state(): 'idle' | SegmentGesture['kind'] {
    return this.gesture?.kind ?? 'idle';
  }

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
    if (gesture.kind !== 'dragging') return;
    this.ctx.board.create(this.shapeOf(gesture));
    this.selectCreated(gesture.id);
  }

  cancel(): void {
    this.gesture = null;
  }

  override preview(): Preview | null {
    const gesture = this.gesture;
    if (gesture?.kind !== 'dragging') return null;
    return { kind: 'draft', tool: this.id, shape: this.shapeOf(gesture) };
  }

  private shapeOf(gesture: SegmentGesture): DraftOf<SegmentKind> {
    const end = segmentEnd(gesture.down, gesture.current);
    const base = {
      id: gesture.id,
      x: clampCoordinate(gesture.down.x),
      y: clampCoordinate(gesture.down.y),
      rotation: 0,
      ...this.newShapeStyle(),
      points: [0, 0, clampCoordinate(end.x), clampCoordinate(end.y)] as [number, number, number, number],
    };
    return this.id === 'arrow'
      ? { type: 'arrow', ...base, arrowheads: { ...NEW_ARROWHEADS } }
      : { type: 'line', ...base };
  }
}

/** The end relative to the start; with Shift, the same length at the nearest 45° step. */
export function segmentEnd(start: Point, to: PointerInput): Point {
  const dx = to.x - start.x;
  const dy = to.y - start.y;
  if (!to.shiftKey) return { x: dx, y: dy };
  const length = Math.hypot(dx, dy);
  const angle = Math.round(Math.atan2(dy, dx) / LINE_SNAP_RAD) * LINE_SNAP_RAD;
  // cos(90°) is 6e-17, not 0: round away the float noise so a snapped line is exactly straight.
  const clean = (value: number) => Math.round(value * 1e9) / 1e9;
  return { x: clean(length * Math.cos(angle)), y: clean(length * Math.sin(angle)) };
}
