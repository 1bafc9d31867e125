/**
 * Rect and ellipse: idle → pointing → dragging → idle.
 *
 * Drag from one corner to the other in any direction (the box is
 * normalised); Shift makes it a square or circle, Alt draws from the centre
 * (Excalidraw). A click without a drag makes a default-size shape centred on
 * the click. On up, one shape is created and the tool hands over to select
 * with it selected.
 */
import { boxFromCorners, clampCoordinate, clampSize, type Box, type DraftOf, type Point } from '../shapes';
import { BaseTool } from './base-tool';
import { DEFAULT_BOX_HEIGHT, DEFAULT_BOX_WIDTH, DRAG_THRESHOLD_PX } from './constants';
import type { PointerInput, Preview } from './tool';

type BoxKind = 'rect' | 'ellipse';

interface BoxGesture {
  kind: 'pointing' | 'dragging';
  id: string;
  down: PointerInput;
  /** Where the pointer is now, with the modifiers it had. */
  current: PointerInput;
}

export class BoxTool extends BaseTool {
  private gesture: BoxGesture | null = null;

  constructor(
    ctx: ConstructorParameters<typeof BaseTool>[0],
    readonly id: BoxKind,
  ) {
    super(ctx);
  }

  get state(): 'idle' | BoxGesture['kind'] {
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
    const box = gesture.kind === 'dragging' ? draggedBox(gesture.down, e) : defaultBox(gesture.down);
    this.ctx.board.create(this.shapeOf(gesture.id, box));
    this.selectCreated(gesture.id);
  }

  cancel(): void {
    this.gesture = null;
  }

  override preview(): Preview | null {
    const gesture = this.gesture;
    if (gesture?.kind !== 'dragging') return null;
    return { kind: 'draft', tool: this.id, shape: this.shapeOf(gesture.id, draggedBox(gesture.down, gesture.current)) };
  }

  private shapeOf(id: string, box: Box): DraftOf<BoxKind> {
    return {
      type: this.id,
      id,
      x: clampCoordinate(box.minX),
      y: clampCoordinate(box.minY),
      w: clampSize(box.maxX - box.minX),
      h: clampSize(box.maxY - box.minY),
      rotation: 0,
      ...this.newShapeStyle(),
    };
  }
}

/** The box between the down point and `to`: Shift squares it, Alt centres it on the down point. */
export function draggedBox(down: Point, to: PointerInput): Box {
  let dx = to.x - down.x;
  let dy = to.y - down.y;
  if (to.shiftKey) {
    const side = Math.max(Math.abs(dx), Math.abs(dy));
    dx = Math.sign(dx || 1) * side;
    dy = Math.sign(dy || 1) * side;
  }
  if (to.altKey) return boxFromCorners({ x: down.x - dx, y: down.y - dy }, { x: down.x + dx, y: down.y + dy });
  return boxFromCorners(down, { x: down.x + dx, y: down.y + dy });
}

function defaultBox(at: Point): Box {
  return boxFromCorners(
    { x: at.x - DEFAULT_BOX_WIDTH / 2, y: at.y - DEFAULT_BOX_HEIGHT / 2 },
    { x: at.x + DEFAULT_BOX_WIDTH / 2, y: at.y + DEFAULT_BOX_HEIGHT / 2 },
  );
}
