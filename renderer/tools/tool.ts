/**
 * The contract between the canvas and the drawing tools (docs/ARCHITECTURE.md#tools-and-shapes).
 *
 * A tool is a small state machine: `state` names where it is in a gesture
 * ('idle', 'pointing', 'dragging', …) and changes only through the handlers.
 * While a gesture runs, the tool describes it with `preview()`: the
 * interactive layer draws that, presence shares it, and the doc does not see
 * it. The gesture is written to the doc once, when it ends, in one
 * `board.transact` (one undo step); Esc (`cancel()`) ends it writing nothing.
 */
import type { Shape } from '../../shared/model';
import type { PresenceLaser } from '../../shared/protocol';
import type { BoardDoc } from '../doc';
import type { DraftShape, Box, Point } from '../shapes';
import type { ToolId, UiStore, Viewport } from '../state/ui-store';
import type { SnapGuide } from './select/snapping';

export type PointerKind = 'mouse' | 'pen' | 'touch';

export interface PointerInput {
  /** Board coordinates. */
  x: number;
  y: number;
  /** Pixels relative to the canvas element: thresholds (click vs drag, handle size) are measured in these. */
  screenX: number;
  screenY: number;
  /** 0..1; 0.5 when the device does not report it. */
  pressure: number;
  pointerType: PointerKind;
  /** 0 primary, 1 middle, 2 secondary (PointerEvent.button). */
  button: number;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The press closed an inline text editor (and so committed it): it is no first half of a double-click. */
  endsEdit?: boolean;
}

export interface KeyInput {
  /** KeyboardEvent.key: 'Escape', 'Shift', 'a', … */
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * The board's shapes in a spatial index (canvas/live-shapes.ts), current with
 * `board`: hit tests, the marquee and the eraser look only at the shapes near
 * where they act, not at every shape on the board.
 */
export interface ShapeQueries {
  /** Shapes whose bounds meet `box`, bottom first. */
  query(box: Box): Shape[];
}

export interface ToolContext {
  board: BoardDoc;
  shapes: ShapeQueries;
  ui: UiStore;
  /** Milliseconds, for double-click timing; tests pass a fake clock. */
  now(): number;
  /**
   * Switches to `tool` and gives it a click at `at` (the controller provides
   * it): a double-click on empty board with select starts a text there.
   */
  handOff?(tool: ToolId, at: PointerInput): void;
  /** The canvas size in screen pixels, so snapping looks only at shapes on screen; tests may leave it out. */
  viewportSize?(): { width: number; height: number };
}

/** The gesture in progress, as plain data (it goes into awareness as is). */
export type Preview =
  /** A shape being drawn (pen, rect, ellipse, line, arrow): not in the doc, drawn on top. */
  | { kind: 'draft'; tool: ToolId; shape: DraftShape; bindTarget?: string }
  /**
   * Existing shapes with their live geometry while they are moved, resized or
   * rotated; `followers`, connectors bound to them, drawn as they follow;
   * `bindTarget`, the shape a dragged connector end would bind to (highlighted).
   */
  | {
      kind: 'transform';
      tool: 'select';
      action: 'move' | 'resize' | 'rotate';
      shapes: Shape[];
      /** Where the moving shapes snapped (drawn here only; presence leaves them out). */
      guides?: SnapGuide[];
      followers?: Shape[];
      bindTarget?: string;
    }
  /** The marquee rectangle and the shapes it would select now. */
  | { kind: 'marquee'; tool: 'select'; box: Box; ids: string[] }
  /** Shapes the eraser has marked (the view fades them) and where it has been. */
  | { kind: 'erase'; tool: 'eraser'; ids: string[]; trail: Point[] }
  /** The laser pointer's newest points while it draws (presence only, never the doc). */
  | { kind: 'laser'; tool: 'laser'; laser: PresenceLaser }
  /** Where the text being typed sits; `isNew` when the id is not in the doc yet. */
  | {
      kind: 'text';
      tool: 'text';
      id: string;
      x: number;
      y: number;
      rotation: number;
      fontSize: number;
      isNew: boolean;
    };

export interface Tool {
  readonly id: ToolId;
  /** The named state of the machine. */
  readonly state: string;
  pointerDown(e: PointerInput): void;
  pointerMove(e: PointerInput): void;
  pointerUp(e: PointerInput): void;
  /** Escape cancels; a modifier (Shift, Alt) re-applies the last pointer so constraints follow the key. */
  keyDown(e: KeyInput): void;
  keyUp(e: KeyInput): void;
  /** Esc, or the tool was switched away: ends the gesture, writing nothing. */
  cancel(): void;
  preview(): Preview | null;
  /** The inline editor is done: text for the shape being edited (text and select tools). */
  commitText?(text: string): void;
}

export type PointerInit = Partial<PointerInput> & Pick<PointerInput, 'screenX' | 'screenY'>;

/**
 * A PointerInput from screen pixels (relative to the canvas) and the
 * viewport, with the defaults of a mouse: the canvas adapter and tests use it.
 */
export function pointerAt(viewport: Viewport, init: PointerInit): PointerInput {
  const pointerType = init.pointerType ?? 'mouse';
  return {
    x: viewport.x + init.screenX / viewport.zoom,
    y: viewport.y + init.screenY / viewport.zoom,
    button: 0,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...init,
    pointerType,
    // Mice report 0.5 while a button is down, 0 otherwise; a stroke should not depend on that.
    pressure: pointerType === 'mouse' ? 0.5 : Math.min(1, Math.max(0, init.pressure ?? 0.5)),
  };
}
