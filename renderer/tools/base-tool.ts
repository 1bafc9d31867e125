/**
 * What every tool shares: no-op handlers, the last pointer of a gesture (so
 * a modifier key pressed mid-drag re-applies it), the Escape key, and
 * conversions between screen pixels and board units. The state itself is
 * each tool's own: a getter derived from its gesture data, so the name can
 * never disagree with what the tool is holding.
 */
import type { ShapeStyle } from '../../shared/model';
import { framesTopFirst, placedInFrame } from '../frames/membership';
import type { DraftShape } from '../shapes';
import type { ToolId } from '../state/ui-store';
import type { KeyInput, PointerInput, Preview, Tool, ToolContext } from './tool';

const MODIFIER_KEYS = new Set(['Shift', 'Alt', 'Control', 'Meta']);

export abstract class BaseTool implements Tool {
  abstract readonly id: ToolId;
  abstract get state(): string;
  /** The latest pointer event of the gesture in progress. */
  protected lastPointer: PointerInput | null = null;

  constructor(protected readonly ctx: ToolContext) {}

  pointerDown(e: PointerInput): void {
    this.lastPointer = e;
    this.onPointerDown(e);
  }

  pointerMove(e: PointerInput): void {
    this.lastPointer = e;
    this.onPointerMove(e);
  }

  pointerUp(e: PointerInput): void {
    this.lastPointer = e;
    this.onPointerUp(e);
  }

  keyDown(e: KeyInput): void {
    if (e.key === 'Escape') this.cancel();
    else this.replayModifiers(e);
  }

  keyUp(e: KeyInput): void {
    this.replayModifiers(e);
  }

  abstract cancel(): void;

  preview(): Preview | null {
    return null;
  }

  protected onPointerDown(_e: PointerInput): void {}
  protected onPointerMove(_e: PointerInput): void {}
  protected onPointerUp(_e: PointerInput): void {}

  protected get zoom(): number {
    return this.ctx.ui.getState().viewport.zoom;
  }

  /** Screen pixels → board units at the current zoom. */
  protected boardLength(screenPx: number): number {
    return screenPx / this.zoom;
  }

  /** Whether the pointer travelled more than `screenPx` on screen between two events. */
  protected movedBeyond(from: PointerInput, to: PointerInput, screenPx: number): boolean {
    return Math.hypot(to.screenX - from.screenX, to.screenY - from.screenY) > screenPx;
  }

  /** Style and opacity a new shape takes from the UI's defaults. */
  protected newShapeStyle(): { style: ShapeStyle; opacity: number } {
    const { stroke, fill, strokeWidth, dash, opacity } = this.ctx.ui.getState().style;
    // Solid is left out, so what a shape stores is what boards stored before dashes.
    return { style: { stroke, fill, strokeWidth, ...(dash === 'solid' ? {} : { dash }) }, opacity };
  }

  /**
   * After creating a shape: back to select with it selected (setTool clears
   * the selection, so select after). With the tool locked (Q) the tool stays
   * for the next shape.
   */
  protected selectCreated(id: string): void {
    const ui = this.ctx.ui.getState();
    if (ui.toolLocked) return;
    ui.setTool('select');
    ui.select([id]);
  }

  /** `shape` with the frameId of the frame it is drawn in (frames/membership.ts), ready to create. */
  protected inFrame<S extends DraftShape>(shape: S): S {
    return placedInFrame(shape, framesTopFirst(this.ctx.board.all()));
  }

  /** Shift or Alt changed mid-gesture: redo the last move with the new modifiers. */
  private replayModifiers(e: KeyInput): void {
    if (!MODIFIER_KEYS.has(e.key) || this.state === 'idle' || !this.lastPointer) return;
    const { shiftKey, altKey, ctrlKey, metaKey } = e;
    this.pointerMove({ ...this.lastPointer, shiftKey, altKey, ctrlKey, metaKey });
  }
}
