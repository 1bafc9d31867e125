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
import { DEFAULT_BOX_HEIGHT, DEFAULT_BOX_WIDTH } from './constants';
import { DragCreateTool, type DragGesture } from './drag-create-tool';
import type { PointerInput } from './tool';

type BoxKind = 'rect' | 'ellipse';

export class BoxTool extends DragCreateTool {
  constructor(
    ctx: ConstructorParameters<typeof DragCreateTool>[0],
    readonly id: BoxKind,
  ) {
    super(ctx);
  }

  /** A click makes a default-size shape centred on it. */
  protected shapeFor(gesture: DragGesture): DraftOf<BoxKind> {
    const box = gesture.kind === 'dragging' ? draggedBox(gesture.down, gesture.current) : defaultBox(gesture.down);
    return this.shapeOf(gesture.id, box);
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
