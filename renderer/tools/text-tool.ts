/**
 * Text: idle → pointing → typing → idle.
 *
 * A click on empty board does not create an empty text shape (that would
 * pollute the doc and everyone's undo). It enters `typing` with `editingId`
 * set to a fresh id that is not in the doc yet; the preview tells the
 * inline editor where the caret goes. The editor then calls `commitText`
 * (creates the shape when the text is not blank) or `cancel` (nothing).
 * A click on an existing text edits it instead: commit updates it, blank
 * text deletes it.
 *
 * While typing, pointer-downs are ignored: the editor commits when it loses
 * focus, which the browser does after the canvas sees the pointer-down.
 * After a commit the tool hands over to select with the text selected.
 */
import { boxFromCorners, clampSize, expandBox, hitTestShape, lineHeight, measureTextWidth } from '../shapes';
import { pickable } from './select/group-selection';
import { BaseTool } from './base-tool';
import { HIT_TOLERANCE_PX } from './constants';
import { commitShapeText, fitText, isBlank } from './text-commit';
import type { PointerInput, Preview } from './tool';

interface Pointing {
  kind: 'pointing';
  down: PointerInput;
}

interface Typing {
  kind: 'typing';
  id: string;
  isNew: boolean;
  x: number;
  y: number;
  rotation: number;
  fontSize: number;
}

export class TextTool extends BaseTool {
  readonly id = 'text';
  private gesture: Pointing | Typing | null = null;

  get state(): 'idle' | 'pointing' | 'typing' {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || e.button !== 0) return;
    this.gesture = { kind: 'pointing', down: e };
  }

  protected override onPointerUp(): void {
    if (this.gesture?.kind !== 'pointing') return;
    const { down } = this.gesture;
    const tolerance = this.boardLength(HIT_TOLERANCE_PX);
    // A locked text is not edited: a click on it starts a new one.
    const existing = pickable(this.ctx.shapes.query(expandBox(boxFromCorners(down, down), tolerance)))
      .reverse()
      .find((shape) => shape.type === 'text' && hitTestShape(shape, down, tolerance));
    if (existing?.type === 'text') {
      const { id, x, y, rotation, fontSize } = existing;
      this.gesture = { kind: 'typing', id, isNew: false, x, y, rotation, fontSize };
    } else {
      const fontSize = this.ctx.ui.getState().style.fontSize;
      // Centre the first line on the click, as the caret is drawn there.
      const y = down.y - lineHeight(fontSize) / 2;
      this.gesture = { kind: 'typing', id: this.ctx.board.newId(), isNew: true, x: down.x, y, rotation: 0, fontSize };
    }
    this.ctx.ui.getState().setEditing(this.gesture.id);
  }

  commitText(text: string): void {
    const typing = this.gesture;
    if (typing?.kind !== 'typing') return;
    this.gesture = null; // first: the tool switch below cancels this tool, which must find nothing to undo
    const fitted = fitText(text);
    if (!typing.isNew) {
      if (commitShapeText(this.ctx.board, typing.id, fitted) === 'updated') this.selectCreated(typing.id);
      else if (!this.ctx.ui.getState().toolLocked) this.ctx.ui.getState().setTool('select');
      return;
    }
    if (isBlank(fitted)) {
      this.endEditing(typing.id);
      return;
    }
    const { id, x, y, rotation, fontSize } = typing;
    const { style, opacity } = this.newShapeStyle();
    const w = clampSize(measureTextWidth(fitted, fontSize));
    const { align } = this.ctx.ui.getState().style;
    const aligned = align === 'left' ? {} : { align };
    this.ctx.board.create(
      this.inFrame({ type: 'text', id, x, y, rotation, opacity, style, text: fitted, fontSize, w, ...aligned }),
    );
    this.selectCreated(id);
  }

  cancel(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture?.kind === 'typing') this.endEditing(gesture.id);
  }

  override preview(): Preview | null {
    if (this.gesture?.kind !== 'typing') return null;
    const { id, x, y, rotation, fontSize, isNew } = this.gesture;
    return { kind: 'text', tool: 'text', id, x, y, rotation, fontSize, isNew };
  }

  private endEditing(id: string): void {
    const ui = this.ctx.ui.getState();
    if (ui.editingId === id) ui.setEditing(null);
  }
}
