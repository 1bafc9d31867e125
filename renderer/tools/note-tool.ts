/**
 * Note: idle → pointing → idle. A click creates a note (DEFAULT_NOTE_SIZE
 * square, centred on the click, in the UI's note colour, empty text) and
 * hands over to select with the note selected and being edited, so the user
 * types straight away. Notes may stay empty: the card itself is content.
 * A drag does nothing more than a click; the note goes where the pointer
 * went down.
 */
import { DEFAULT_NOTE_SIZE, clampCoordinate } from '../shapes';
import { BaseTool } from './base-tool';
import type { PointerInput } from './tool';

interface Pointing {
  kind: 'pointing';
  down: PointerInput;
}

export class NoteTool extends BaseTool {
  readonly id = 'note';
  private gesture: Pointing | null = null;

  get state(): 'idle' | 'pointing' {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || e.button !== 0) return;
    this.gesture = { kind: 'pointing', down: e };
  }

  protected override onPointerUp(): void {
    const gesture = this.gesture;
    if (!gesture) return;
    this.gesture = null;
    const { style: defaults } = this.ctx.ui.getState();
    const id = this.ctx.board.newId();
    this.ctx.board.create(
      this.inFrame({
        type: 'note',
        id,
        x: clampCoordinate(gesture.down.x - DEFAULT_NOTE_SIZE / 2),
        y: clampCoordinate(gesture.down.y - DEFAULT_NOTE_SIZE / 2),
        w: DEFAULT_NOTE_SIZE,
        h: DEFAULT_NOTE_SIZE,
        rotation: 0,
        ...this.newShapeStyle(),
        text: '',
        color: defaults.noteColor,
        fontSize: defaults.fontSize,
        ...(defaults.align === 'left' ? {} : { align: defaults.align }),
      }),
    );
    this.selectCreated(id);
    this.ctx.ui.getState().setEditing(id); // after the tool switch, which ends any edit
  }

  cancel(): void {
    this.gesture = null;
  }
}
