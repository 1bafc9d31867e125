/**
 * Frame (F): drag a box like the rectangle tool; a click makes a default-size
 * frame. It is named "Frame N" (rename it by double-clicking its name), and
 * shapes lying wholly inside it join it in the same write (one undo step).
 */
import { clampCoordinate, clampSize, type Box, type DraftOf } from '../shapes';
import { framesTopFirst, shapesToAdopt } from '../frames/membership';
import { draggedBox } from './box-tool';
import { DragCreateTool, type DragGesture } from './drag-create-tool';
import type { DraftShape } from '../shapes';

export const DEFAULT_FRAME_WIDTH = 400;
export const DEFAULT_FRAME_HEIGHT = 300;
/** A frame's look, whatever the style defaults: a quiet outline, no fill (Excalidraw, tldraw). */
export const FRAME_STYLE = { stroke: '#9e9e9e', fill: 'none', strokeWidth: 1 } as const;

export class FrameTool extends DragCreateTool {
  readonly id = 'frame';

  protected shapeFor(gesture: DragGesture): DraftOf<'frame'> {
    const { x, y } = gesture.down;
    const box: Box =
      gesture.kind === 'dragging'
        ? draggedBox(gesture.down, gesture.current)
        : { minX: x, minY: y, maxX: x + DEFAULT_FRAME_WIDTH, maxY: y + DEFAULT_FRAME_HEIGHT };
    return {
      type: 'frame',
      id: gesture.id,
      x: clampCoordinate(box.minX),
      y: clampCoordinate(box.minY),
      w: clampSize(box.maxX - box.minX),
      h: clampSize(box.maxY - box.minY),
      rotation: 0,
      opacity: 1,
      style: { ...FRAME_STYLE },
      name: this.nextName(),
    };
  }

  protected override write(shape: DraftShape): void {
    if (shape.type !== 'frame') return;
    const board = this.ctx.board;
    board.transact(() => {
      const all = board.all();
      board.create(shape);
      for (const member of shapesToAdopt(shape, all)) board.update(member.id, { frameId: shape.id });
    });
  }

  /** "Frame N", one more than the frames on the board. */
  private nextName(): string {
    return `Frame ${framesTopFirst(this.ctx.board.all()).length + 1}`;
  }
}
