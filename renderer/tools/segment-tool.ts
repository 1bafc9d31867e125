/**
 * Line and arrow (docs/ARCHITECTURE.md#tools-and-shapes).
 *
 *   idle ──down──▶ pointing ──moves > DRAG_THRESHOLD_PX──▶ dragging ──up──▶ idle (a two-point shape)
 *   pointing ──up (a click)──▶ placing: each further click adds a point;
 *   placing ──double-click, Enter or Esc──▶ idle (the shape, if it has two points or more)
 *
 * Shift snaps the segment being drawn to 45° steps. An end let go over a
 * shape binds to it (connector-binding.ts; Alt or Ctrl does not), and the
 * preview shows the end where it will be drawn with the shape highlighted.
 * Esc while dragging writes nothing. A created shape hands over to select
 * with it selected (unless the tool is locked).
 */
import type { Binding } from '../../shared/model';
import { clampCoordinate, distance, type DraftOf, type Point } from '../shapes';
import { BaseTool } from './base-tool';
import { bindingAt, bindingSuppressed, drawnDraft } from './connector-binding';
import { DOUBLE_CLICK_MS, DOUBLE_CLICK_PX, DRAG_THRESHOLD_PX, HIT_TOLERANCE_PX, LINE_SNAP_RAD } from './constants';
import type { KeyInput, PointerInput, Preview } from './tool';

type SegmentKind = 'line' | 'arrow';

/** Most points a click-by-click path takes (the schema's bound is higher; this keeps a stuck mouse from filling it). */
const MAX_PLACED_POINTS = 200;

interface Gesture {
  kind: 'pointing' | 'dragging' | 'placing';
  id: string;
  /** Board points fixed so far: the first press, then each click while placing. */
  points: Point[];
  startBinding?: Binding;
  down: PointerInput;
  /** Where the pointer is now, with the modifiers it had. */
  current: PointerInput;
  lastClickAt: number;
}

export class SegmentTool extends BaseTool {
  private gesture: Gesture | null = null;

  constructor(
    ctx: ConstructorParameters<typeof BaseTool>[0],
    readonly id: SegmentKind,
  ) {
    super(ctx);
  }

  get state(): 'idle' | Gesture['kind'] {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (e.button !== 0) return;
    const gesture = this.gesture;
    if (gesture?.kind === 'placing') {
      gesture.current = e;
      return;
    }
    if (gesture) return;
    const start = this.bindingUnder(e, '');
    this.gesture = {
      kind: 'pointing',
      id: this.ctx.board.newId(),
      points: [{ x: e.x, y: e.y }],
      startBinding: start?.binding,
      down: e,
      current: e,
      lastClickAt: this.ctx.now(),
    };
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
    if (gesture.kind === 'dragging') return this.finish([...gesture.points, this.nextPoint(gesture)]);
    if (gesture.kind === 'pointing') {
      gesture.kind = 'placing';
      return;
    }
    const point = this.nextPoint(gesture);
    const now = this.ctx.now();
    const last = gesture.points[gesture.points.length - 1];
    const again = !!last && distance(last, point) <= this.boardLength(DOUBLE_CLICK_PX);
    const doubleClick = again && now - gesture.lastClickAt <= DOUBLE_CLICK_MS;
    gesture.lastClickAt = now;
    if (!again) gesture.points.push(point);
    if (doubleClick || gesture.points.length >= MAX_PLACED_POINTS) this.finish(gesture.points);
  }

  override keyDown(e: KeyInput): void {
    if (this.gesture?.kind === 'placing' && (e.key === 'Enter' || e.key === 'Escape')) {
      this.finish(this.gesture.points);
      return;
    }
    super.keyDown(e);
  }

  cancel(): void {
    this.gesture = null;
  }

  override preview(): Preview | null {
    const gesture = this.gesture;
    if (!gesture || gesture.kind === 'pointing') return null;
    const shape = this.shapeOf(gesture, [...gesture.points, this.nextPoint(gesture)]);
    if (!shape) return null;
    const bindTarget = shape.endBinding?.shapeId ?? shape.startBinding?.shapeId;
    return { kind: 'draft', tool: this.id, shape: drawnDraft(this.ctx.board, shape), bindTarget };
  }

  /** Writes the shape through `points` (board), if it has two; the tool is idle after. */
  private finish(points: Point[]): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture) return;
    const shape = this.shapeOf(gesture, points);
    if (!shape) return;
    this.ctx.board.create(shape);
    this.selectCreated(gesture.id);
  }

  /** Where the point under the pointer goes: snapped with Shift, relative to the last fixed point. */
  private nextPoint(gesture: Gesture): Point {
    const from = gesture.points[gesture.points.length - 1] ?? gesture.down;
    const step = segmentEnd(from, gesture.current);
    return { x: from.x + step.x, y: from.y + step.y };
  }

  private shapeOf(gesture: Gesture, points: readonly Point[]): DraftOf<SegmentKind> | null {
    const first = points[0];
    if (!first || points.length < 2) return null;
    const last = points[points.length - 1] as Point;
    const endBinding = this.bindingUnder({ ...gesture.current, x: last.x, y: last.y }, gesture.id)?.binding;
    const x = clampCoordinate(first.x);
    const y = clampCoordinate(first.y);
    const base = {
      id: gesture.id,
      x,
      y,
      rotation: 0,
      ...this.newShapeStyle(),
      points: points.flatMap((p) => [clampCoordinate(p.x - x), clampCoordinate(p.y - y)]),
      ...(gesture.startBinding ? { startBinding: gesture.startBinding } : {}),
      ...(endBinding ? { endBinding } : {}),
      ...(this.ctx.ui.getState().style.route === 'elbow' ? { route: 'elbow' as const } : {}),
    };
    return this.id === 'arrow'
      ? { type: 'arrow', ...base, arrowheads: { ...this.ctx.ui.getState().style.arrowheads } }
      : { type: 'line', ...base };
  }

  private bindingUnder(e: PointerInput, selfId: string) {
    if (bindingSuppressed(e)) return null;
    return bindingAt(this.ctx.board, e, this.boardLength(HIT_TOLERANCE_PX), selfId);
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
