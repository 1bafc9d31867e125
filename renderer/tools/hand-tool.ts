/**
 * Hand: drag to pan. idle → panning → idle. Only the viewport (UI state)
 * changes; nothing is written to the doc. Screen deltas are used, not board
 * ones, because the board coordinates under the pointer move as we pan.
 */
import type { Viewport } from '../state/ui-store';
import { BaseTool } from './base-tool';
import type { PointerInput } from './tool';

interface Panning {
  kind: 'panning';
  start: PointerInput;
  startViewport: Viewport;
}

export class HandTool extends BaseTool {
  readonly id = 'hand';
  private gesture: Panning | null = null;

  get state(): 'idle' | 'panning' {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    // Primary or middle button (middle-drag pans in most canvases); the secondary one is the context menu's.
    if (this.gesture || (e.button !== 0 && e.button !== 1)) return;
    this.gesture = { kind: 'panning', start: e, startViewport: this.ctx.ui.getState().viewport };
  }

  protected override onPointerMove(e: PointerInput): void {
    if (!this.gesture) return;
    const { start, startViewport } = this.gesture;
    this.ctx.ui.getState().setViewport({
      x: startViewport.x - (e.screenX - start.screenX) / startViewport.zoom,
      y: startViewport.y - (e.screenY - start.screenY) / startViewport.zoom,
      zoom: startViewport.zoom,
    });
  }

  protected override onPointerUp(e: PointerInput): void {
    this.onPointerMove(e);
    this.gesture = null;
  }

  /** Esc puts the view back where the drag started. */
  cancel(): void {
    if (!this.gesture) return;
    this.ctx.ui.getState().setViewport(this.gesture.startViewport);
    this.gesture = null;
  }
}
