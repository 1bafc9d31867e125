/**
 * Laser pointer (K): while the button is down, the pointer leaves a trail
 * that fades within a second (presence/laser-trail.ts). Others see it through
 * presence (the preview carries the trail's newest points); nothing is ever
 * written to the doc, so a viewer may use it too.
 */
import { LaserTrail } from '../presence/laser-trail';
import { BaseTool } from './base-tool';
import type { PointerInput, Preview } from './tool';

export class LaserTool extends BaseTool {
  readonly id = 'laser';
  /** Mine, kept after the drag so it fades out where it was drawn. */
  readonly trail = new LaserTrail();
  private drawing = false;

  get state(): 'idle' | 'drawing' {
    return this.drawing ? 'drawing' : 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (e.button !== 0) return;
    this.drawing = true;
    this.trail.add(e, this.ctx.now());
  }

  protected override onPointerMove(e: PointerInput): void {
    if (this.drawing) this.trail.add(e, this.ctx.now());
  }

  protected override onPointerUp(e: PointerInput): void {
    if (!this.drawing) return;
    this.trail.add(e, this.ctx.now());
    this.drawing = false;
  }

  cancel(): void {
    this.drawing = false;
  }

  override preview(): Preview | null {
    return this.drawing ? { kind: 'laser', tool: 'laser', laser: this.trail.shared() } : null;
  }
}
