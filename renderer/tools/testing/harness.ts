/**
 * Drives tools the way the canvas will, over a real BoardDoc on a real
 * Y.Doc, and records what tests check: the state path of a tool, and how
 * many doc updates were written (none before a gesture ends, one after).
 */
import * as Y from 'yjs';
import { BoardDoc, BoardUndo, type ShapeInput } from '../../doc';
import { createUiStore, type ToolId, type Viewport } from '../../state/ui-store';
import { LiveShapes } from '../../canvas/live-shapes';
import { ToolController } from '../controller';
import { pointerAt, type KeyInput, type PointerInput, type Tool, type ToolContext } from '../tool';

export type Step =
  | { type: 'down' | 'move' | 'up'; x: number; y: number; init: Partial<PointerInput> }
  | { type: 'keyDown' | 'keyUp'; key: string; init: Partial<KeyInput> }
  | { type: 'cancel' };

/** Steps at board (x, y); `init` overrides modifiers, pressure, pointer type… */
export const down = (x: number, y: number, init: Partial<PointerInput> = {}): Step => ({ type: 'down', x, y, init });
export const move = (x: number, y: number, init: Partial<PointerInput> = {}): Step => ({ type: 'move', x, y, init });
export const up = (x: number, y: number, init: Partial<PointerInput> = {}): Step => ({ type: 'up', x, y, init });
export const keyDown = (key: string, init: Partial<KeyInput> = {}): Step => ({ type: 'keyDown', key, init });
export const keyUp = (key: string, init: Partial<KeyInput> = {}): Step => ({ type: 'keyUp', key, init });
export const cancel: Step = { type: 'cancel' };

export function createHarness(options: { tool?: ToolId; viewport?: Viewport } = {}) {
  const doc = new Y.Doc();
  const board = new BoardDoc(doc);
  const undo = new BoardUndo(board);
  const ui = createUiStore({ tool: options.tool ?? 'select', viewport: options.viewport ?? { x: 0, y: 0, zoom: 1 } });
  let time = 1_000;
  let updates = 0;
  doc.on('update', () => updates++);
  // The canvas's own index, so the tools' queries are tested as they run.
  const live = new LiveShapes(board);
  const ctx: ToolContext = { board, shapes: live.index, ui, now: () => time };
  const controller = new ToolController(ctx);

  /** A pointer at board (x, y), with screen pixels from the current viewport. */
  function pointer(x: number, y: number, init: Partial<PointerInput> = {}): PointerInput {
    const { viewport } = ui.getState();
    const screenX = (x - viewport.x) * viewport.zoom;
    const screenY = (y - viewport.y) * viewport.zoom;
    return { ...pointerAt(viewport, { screenX, screenY, ...init }), x, y };
  }

  function key(name: string, init: Partial<KeyInput>): KeyInput {
    return { key: name, shiftKey: name === 'Shift', altKey: false, ctrlKey: false, metaKey: false, ...init };
  }

  function apply(step: Step): void {
    switch (step.type) {
      case 'cancel':
        return controller.cancel();
      case 'keyDown':
        return controller.keyDown(key(step.key, step.init));
      case 'keyUp':
        return controller.keyUp(key(step.key, { shiftKey: false, ...step.init }));
      case 'down':
        return controller.pointerDown(pointer(step.x, step.y, step.init));
      case 'move':
        return controller.pointerMove(pointer(step.x, step.y, step.init));
      case 'up':
        return controller.pointerUp(pointer(step.x, step.y, step.init));
    }
  }

  return {
    doc,
    board,
    undo,
    ui,
    ctx,
    controller,
    /** Doc updates written since the harness was made (or since `resetUpdates`). */
    get updates() {
      return updates;
    },
    resetUpdates() {
      updates = 0;
    },
    tick(ms: number) {
      time += ms;
    },
    pointer,
    /**
     * Applies `steps` through the controller and returns the states `tool`
     * (the tool active at the start, by default) went through, without
     * repeats: e.g. ['idle', 'pointing', 'dragging', 'idle'].
     */
    drive(steps: readonly Step[], tool: Tool = controller.active): string[] {
      const path = [tool.state];
      for (const step of steps) {
        apply(step);
        if (path.at(-1) !== tool.state) path.push(tool.state);
      }
      return path;
    },
    /** Puts shapes on the board as if they were there before the test; not undoable, not counted. */
    seed(...shapes: ShapeInput[]) {
      board.create(shapes);
      undo.clear();
      updates = 0;
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
