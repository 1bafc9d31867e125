/**
 * Line and arrow: idle → pointing → dragging → idle. Drag from the start to
 * the end; Shift snaps the angle to 45° steps. Arrows get a head at the end.
 * A click without a drag creates nothing (a zero-length line is invisible
 * and cannot be grabbed) and the tool stays active; a drag creates the shape
 * and hands over to select with it selected.
 */
import { clampCoordinate, type DraftOf, type Point } from '../shapes';
import { LINE_SNAP_RAD } from './constants';
import { DragCreateTool, type DragGesture } from './drag-create-tool';
import type { PointerInput } from './tool';

type SegmentKind = 'line' | 'arrow';

export class SegmentTool extends DragCreateTool {
  constructor(
    ctx: ConstructorParameters<typeof DragCreateTool>[0],
    readonly id: SegmentKind,
  ) {
    super(ctx);
  }

  /** A click makes nothing: a zero-length line is invisible and cannot be grabbed. */
  protected shapeFor(gesture: DragGesture): DraftOf<SegmentKind> | null {
    return gesture.kind === 'dragging' ? this.shapeOf(gesture) : null;
  }

  private shapeOf(gesture: DragGesture): DraftOf<SegmentKind> {
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
      ? { type: 'arrow', ...base, arrowheads: { ...this.ctx.ui.getState().style.arrowheads } }
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
