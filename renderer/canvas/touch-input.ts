/**
 * Fingers and pens on the canvas, before the tools see them. Two fingers pan
 * and pinch-zoom with any tool and never draw: a second finger cancels what
 * the first had started (a gesture writes only when it ends, so nothing is
 * left behind). A finger held still for LONG_PRESS_MS opens the context
 * menu. Once a pen has been used, a finger no longer reaches the tools (palm
 * rejection): one finger pans instead.
 *
 * Each handler answers whether the event is the tools' ('tool') or was
 * taken here ('taken'); mouse and pen events are always the tools'.
 */
import type { Point } from '../shapes';
import type { Viewport } from '../state/ui-store';
import { pinchViewport } from './viewport-math';

export const LONG_PRESS_MS = 500;
/** A finger that moves further than this is not a long press. */
export const LONG_PRESS_SLOP_PX = 8;

/** The fields of a PointerEvent this reads; `at` is relative to the canvas. */
export interface TouchPointer {
  pointerId: number;
  pointerType: string;
  clientX: number;
  clientY: number;
}

export interface TouchTarget {
  /** Ends the tool's gesture, writing nothing. */
  cancelTool(): void;
  viewport(): Viewport;
  setViewport(viewport: Viewport): void;
  /** At window coordinates. */
  openContextMenu(clientX: number, clientY: number): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'tool'; id: number }
  | { kind: 'pan'; id: number; from: Point; start: Viewport }
  | { kind: 'pinch'; ids: [number, number]; from: [Point, Point]; start: Viewport }
  /** Waiting for every finger to lift (after a pinch or a long press). */
  | { kind: 'done' };

export type Route = 'tool' | 'taken';

export class TouchInput {
  private readonly fingers = new Map<number, { start: Point; at: Point; client: Point }>();
  private mode: Mode = { kind: 'idle' };
  private penSeen = false;
  private longPress: unknown = null;
  private lastTouchAt = -Infinity;

  constructor(
    private readonly target: TouchTarget,
    private readonly timers: Timers = {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a pen has been used here (fingers then pan instead of drawing). */
  get palmRejecting(): boolean {
    return this.penSeen;
  }

  down(e: TouchPointer, at: Point): Route {
    if (e.pointerType === 'pen') this.penSeen = true;
    if (e.pointerType !== 'touch') return 'tool';
    this.lastTouchAt = this.now();
    this.fingers.set(e.pointerId, { start: at, at, client: { x: e.clientX, y: e.clientY } });
    if (this.fingers.size === 1) {
      this.startLongPress(e.pointerId);
      if (this.penSeen) {
        this.mode = { kind: 'pan', id: e.pointerId, from: at, start: this.target.viewport() };
        return 'taken';
      }
      this.mode = { kind: 'tool', id: e.pointerId };
      return 'tool';
    }
    this.stopLongPress();
    if (this.fingers.size === 2 && this.mode.kind !== 'done') {
      if (this.mode.kind === 'tool') this.target.cancelTool();
      const [first, second] = [...this.fingers.entries()];
      if (first && second) {
        this.mode = {
          kind: 'pinch',
          ids: [first[0], second[0]],
          from: [first[1].at, second[1].at],
          start: this.target.viewport(),
        };
      }
    }
    return 'taken';
  }

  move(e: TouchPointer, at: Point): Route {
    if (e.pointerType !== 'touch') return 'tool';
    const finger = this.fingers.get(e.pointerId);
    if (!finger) return 'taken';
    finger.at = at;
    finger.client = { x: e.clientX, y: e.clientY };
    if (Math.hypot(at.x - finger.start.x, at.y - finger.start.y) > LONG_PRESS_SLOP_PX) this.stopLongPress();
    const mode = this.mode;
    if (mode.kind === 'pinch') {
      const a = this.fingers.get(mode.ids[0]);
      const b = this.fingers.get(mode.ids[1]);
      if (a && b) this.target.setViewport(pinchViewport(mode.start, mode.from[0], mode.from[1], a.at, b.at));
      return 'taken';
    }
    if (mode.kind === 'pan' && mode.id === e.pointerId) {
      this.target.setViewport({
        ...mode.start,
        x: mode.start.x - (at.x - mode.from.x) / mode.start.zoom,
        y: mode.start.y - (at.y - mode.from.y) / mode.start.zoom,
      });
      return 'taken';
    }
    return mode.kind === 'tool' && mode.id === e.pointerId ? 'tool' : 'taken';
  }

  /** A finger lifted, or the browser cancelled it. */
  up(e: TouchPointer): Route {
    if (e.pointerType !== 'touch') return 'tool';
    this.lastTouchAt = this.now();
    this.fingers.delete(e.pointerId);
    this.stopLongPress();
    const mode = this.mode;
    const wasTool = mode.kind === 'tool' && mode.id === e.pointerId;
    if (this.fingers.size === 0) this.mode = { kind: 'idle' };
    else if (mode.kind !== 'idle') this.mode = { kind: 'done' };
    return wasTool ? 'tool' : 'taken';
  }

  /** Whether a finger is down or was lifted within a second: the browser's own long-press menu is then ours. */
  touchedRecently(): boolean {
    return this.fingers.size > 0 || this.now() - this.lastTouchAt < 1000;
  }

  dispose(): void {
    this.stopLongPress();
  }

  private startLongPress(id: number): void {
    this.stopLongPress();
    this.longPress = this.timers.set(() => {
      this.longPress = null;
      const finger = this.fingers.get(id);
      if (!finger || this.fingers.size !== 1) return;
      if (this.mode.kind === 'tool') this.target.cancelTool();
      this.mode = { kind: 'done' };
      this.target.openContextMenu(finger.client.x, finger.client.y);
    }, LONG_PRESS_MS);
  }

  private stopLongPress(): void {
    if (this.longPress === null) return;
    this.timers.clear(this.longPress);
    this.longPress = null;
  }
}
