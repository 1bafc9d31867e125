/**
 * Smooth remote cursors. Positions arrive about every 33 ms (the awareness
 * throttle), so drawing each as it comes makes a cursor jump; instead the
 * cursor glides from where it is drawn to the newest position over a little
 * more than one interval, and so lags the real pointer by about one interval.
 * A position after a pause is drawn at once: it starts a motion (or the
 * pointer came back elsewhere), and gliding to it would only add the glide's
 * 50 ms to the time others wait to see where someone points.
 */
import type { Point } from '../shapes';

/** A little over the 33 ms awareness interval, so a steady stream of positions never stalls the cursor. */
export const CURSOR_GLIDE_MS = 50;
/** No position for this long (three awareness intervals, ms) is a pause: the next one is drawn at once. */
export const CURSOR_PAUSE_MS = 100;

export class CursorTrack {
  private from: Point | null = null;
  private to: Point | null = null;
  private startedAt = 0;

  /** A new position of the remote pointer, received at `now`. */
  moveTo(point: Point, now: number): void {
    const moving = this.to !== null && now - this.startedAt < CURSOR_PAUSE_MS;
    this.from = moving ? this.positionAt(now) : point;
    this.to = point;
    this.startedAt = now;
  }

  /** Where to draw the cursor at `now`; null before the first position. */
  positionAt(now: number): Point | null {
    if (!this.to || !this.from) return null;
    const t = Math.min(1, Math.max(0, (now - this.startedAt) / CURSOR_GLIDE_MS));
    return { x: this.from.x + (this.to.x - this.from.x) * t, y: this.from.y + (this.to.y - this.from.y) * t };
  }

  /** Whether the cursor is still gliding at `now` (another frame is needed). */
  movingAt(now: number): boolean {
    return this.to !== null && now - this.startedAt < CURSOR_GLIDE_MS;
  }
}
