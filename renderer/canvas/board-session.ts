/**
 * Everything one open board needs besides its pixels: the BoardDoc and
 * per-user undo over the synced Y.Doc, the UI store, the tool controller and
 * the action registry with its context. Built once per Y.Doc and destroyed
 * with it, so React effects (which StrictMode runs twice) own it whole.
 */
import type * as Y from 'yjs';
import { type ActionContext, type ActionRegistry, type ClipboardPort, createDefaultActions } from '../actions';
import { BoardDoc, BoardUndo } from '../doc';
import type { Point } from '../shapes';
import { createUiStore, type UiStore } from '../state/ui-store';
import { ToolController } from '../tools';
import type { Size } from './viewport-math';

export interface BoardSession {
  board: BoardDoc;
  undo: BoardUndo;
  ui: UiStore;
  controller: ToolController;
  registry: ActionRegistry;
  actions: ActionContext;
  /** The canvas writes these as the pointer moves and the stage resizes; actions read them. */
  lastPointer: Point;
  stageSize: Size;
  destroy(): void;
}

export function createBoardSession(doc: Y.Doc, clipboard: ClipboardPort, isMac: boolean): BoardSession {
  const board = new BoardDoc(doc, {
    // A shape that fails its schema is skipped by the reader; say so for whoever debugs it (DESIGN §4).
    onInvalidShape: (id, error) => console.warn(`[easel] skipped invalid shape ${id}: ${error}`),
  });
  const undo = new BoardUndo(board);
  const ui = createUiStore();
  const controller = new ToolController({ board, ui, now: () => performance.now() });
  const registry = createDefaultActions({
    onError: (error, action) => console.warn(`[easel] ${action.label} failed`, error),
  });
  const session: BoardSession = {
    board,
    undo,
    ui,
    controller,
    registry,
    lastPointer: { x: 0, y: 0 },
    stageSize: { width: 0, height: 0 },
    actions: {
      board,
      undo,
      ui,
      clipboard,
      isMac,
      pointer: () => session.lastPointer,
      viewportSize: () => session.stageSize,
    },
    destroy() {
      controller.destroy();
      undo.destroy();
      board.destroy();
    },
  };
  return session;
}
