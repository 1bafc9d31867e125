/**
 * Publishes what I am doing on a board into awareness (docs/ARCHITECTURE.md#awareness): my name
 * and colour, my cursor in board coordinates, my selection, the gesture I am
 * in the middle of, my viewport (for anyone following me), whether I am
 * active, and whom I follow. The board doc is never written here. BoardSync
 * throttles what goes to the relay to one update per 33 ms, however often
 * this changes.
 */
import type { Awareness } from 'y-protocols/awareness';
import {
  MAX_PRESENCE_GESTURE_SHAPES,
  MAX_PRESENCE_SELECTION,
  PRESENCE_VERSION,
  type PresenceGesture,
  type PresenceState,
  type PresenceUser,
} from '../../shared/protocol';
import type { DraftShape, Point } from '../shapes';
import type { UiStore } from '../state/ui-store';
import type { Preview, ToolController } from '../tools';
import { activityOf } from './activity';

/** How often idleness is re-checked without input, ms. */
export const ACTIVITY_CHECK_MS = 5_000;

export interface PageVisibility {
  hidden(): boolean;
  /** Calls back when the page is hidden or shown; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface LocalPresenceDeps {
  awareness: Awareness;
  ui: UiStore;
  controller: ToolController;
  user: PresenceUser;
  visibility: PageVisibility;
  now(): number;
  /** The canvas size in screen px, for the published viewport. */
  stageSize(): { width: number; height: number };
}

export class LocalPresence {
  private user: PresenceUser;
  /**
   * Where my pointer is on the canvas, in screen px. The published cursor is
   * the board point under it through the current viewport, so a wheel pan or
   * a zoom (no pointer move) still moves my cursor for the others.
   */
  private pointer: Point | null = null;
  private following: number | null = null;
  private lastInputAt: number;
  /** The last state set, serialised, to tell a change from a repeat. */
  private published: string | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly deps: LocalPresenceDeps) {
    this.user = deps.user;
    this.lastInputAt = deps.now();
    this.cleanups.push(
      deps.ui.subscribe((state, previous) => {
        if (
          state.selection !== previous.selection ||
          state.viewport !== previous.viewport ||
          state.presenting !== previous.presenting
        )
          this.publish();
      }),
      deps.controller.subscribe(() => this.publish()),
      deps.visibility.onChange(() => this.publish()),
    );
    const timer = setInterval(() => this.publish(), ACTIVITY_CHECK_MS);
    this.cleanups.push(() => clearInterval(timer));
    this.publish();
  }

  get identity(): PresenceUser {
    return this.user;
  }

  /** My awareness client id: the one others' `following` points at. */
  get clientId(): number {
    return this.deps.awareness.clientID;
  }

  setUser(user: PresenceUser): void {
    this.user = user;
    this.publish();
  }

  /** The pointer moved over the canvas (screen px from its top-left), or left it (null). */
  setPointer(screen: Point | null): void {
    this.pointer = screen;
    if (screen) this.lastInputAt = this.deps.now();
    this.publish();
  }

  /** Any input that is not a pointer move (a key, a wheel) keeps me active. */
  noteInput(): void {
    this.lastInputAt = this.deps.now();
    this.publish();
  }

  /** The canvas changed size: others following me need my new box. */
  stageResized(): void {
    this.publish();
  }

  setFollowing(clientId: number | null): void {
    this.following = clientId;
    this.publish();
  }

  /** The state as published; for tests and for the participants list's "you". */
  state(): PresenceState {
    const { selection, viewport, presenting } = this.deps.ui.getState();
    const size = this.deps.stageSize();
    const pointer = this.pointer;
    const preview = this.deps.controller.preview();
    return {
      v: PRESENCE_VERSION,
      user: this.user,
      cursor: pointer && { x: viewport.x + pointer.x / viewport.zoom, y: viewport.y + pointer.y / viewport.zoom },
      selection: selection.slice(0, MAX_PRESENCE_SELECTION),
      gesture: gestureOf(preview),
      laser: preview?.kind === 'laser' ? preview.laser : null,
      // Only while it is true, so a state says what it did before presenting existed.
      ...(presenting === null ? {} : { presenting: true }),
      viewport:
        size.width > 0 && size.height > 0
          ? { x: viewport.x, y: viewport.y, zoom: viewport.zoom, width: size.width, height: size.height }
          : null,
      activity: activityOf({
        hidden: this.deps.visibility.hidden(),
        lastInputAt: this.lastInputAt,
        now: this.deps.now(),
      }),
      following: this.following,
    };
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    // Leaving the board: others drop my cursor now rather than after awareness's 30 s timeout.
    this.deps.awareness.setLocalState(null);
  }

  /**
   * Sets my awareness state, unless it is what I published last. Every
   * setLocalState goes to the relay (throttled to one per 33 ms, the first at
   * once), so republishing an unchanged state on, say, a tool tick would use
   * up the send and hold back the change that follows it in the same event
   * by a whole interval. Awareness renews an unchanged state by itself.
   */
  private publish(): void {
    const next = this.state();
    const serialised = JSON.stringify(next);
    if (serialised === this.published) return;
    this.published = serialised;
    this.deps.awareness.setLocalState(next);
  }
}

/** What others see of a gesture: drafts as drawn, transformed shapes with the ids they replace. */
export function gestureOf(preview: Preview | null): PresenceGesture | null {
  if (!preview) return null;
  if (preview.kind === 'draft') return { shapes: [preview.shape], replaces: [] };
  if (preview.kind === 'transform') {
    // Connectors following the moved shapes go too, so others see them follow during the drag.
    const moving = [...preview.shapes, ...(preview.followers ?? [])];
    const shapes = moving.slice(0, MAX_PRESENCE_GESTURE_SHAPES).map(withoutIndex);
    return { shapes, replaces: shapes.map((shape) => shape.id) };
  }
  return null;
}

function withoutIndex(shape: DraftShape & { index?: string }): DraftShape {
  const { index: _index, ...draft } = shape;
  return draft as DraftShape;
}
