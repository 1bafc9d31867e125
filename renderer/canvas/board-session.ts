/**
 * Everything one open board needs besides its pixels: the BoardDoc and
 * per-user undo over the synced Y.Doc, the UI store, the tool controller and
 * the action registry with its context. Built once per Y.Doc and destroyed
 * with it, so React effects (which StrictMode runs twice) own it whole.
 */
import type * as Y from 'yjs';
import type { Role } from '../../shared/protocol';
import { boardFileBaseName, readBoardName } from '../../shared/model/board-meta';
import { type ActionContext, type ActionRegistry, type ClipboardPort, createDefaultActions } from '../actions';
import { BoardDoc, BoardUndo } from '../doc';
import type { ExportRenderer } from '../export/export-renderer';
import type { FilePort } from '../platform/platform';
import type { Point } from '../shapes';
import { createNoticeStore, failureNotice, type NoticeStore } from '../state/notices';
import { createUiStore, type UiStore } from '../state/ui-store';
import { deviceStorage, readViewPrefs, rememberViewPrefs } from '../state/view-prefs';
import { ToolController } from '../tools';
import type { ThemeStore } from '../theme/theme-store';
import type { Size } from './viewport-math';
import { LiveShapes } from './live-shapes';

export interface BoardSession {
  board: BoardDoc;
  /** The board's shapes in a spatial index, current with the doc: what the canvas paints and the tools hit-test. */
  live: LiveShapes;
  undo: BoardUndo;
  ui: UiStore;
  controller: ToolController;
  registry: ActionRegistry;
  actions: ActionContext;
  /** What the banner tells the user: commands that failed or only partly worked. */
  notices: NoticeStore;
  /** The canvas writes these as the pointer moves and the stage resizes; actions read them. */
  lastPointer: Point;
  stageSize: Size;
  /** What the relay lets this person do on the board: a viewer's tools and commands are off, its doc unwritable. */
  setRole(role: Role): void;
  destroy(): void;
}

/** What a session reaches outside the board: the host's clipboard and files, and the browser's rendering. */
export interface SessionHost {
  clipboard: ClipboardPort;
  files: FilePort;
  exporter: ExportRenderer;
  isMac: boolean;
  /** The board's id: the file name for saves and exports while the board has no name in its doc. */
  boardName: string;
  /** This device's light or dark theme. */
  theme: ThemeStore;
}

export function createBoardSession(doc: Y.Doc, host: SessionHost): BoardSession {
  const board = new BoardDoc(doc, {
    // A shape that fails its schema is skipped by the reader; say so for whoever debugs it
    // (docs/ARCHITECTURE.md#board-model).
    onInvalidShape: (id, error) => console.warn(`[easel] skipped invalid shape ${id}: ${error}`),
  });
  const live = new LiveShapes(board);
  const undo = new BoardUndo(board);
  const storage = deviceStorage();
  const ui = createUiStore(readViewPrefs(storage));
  const forgetViewPrefs = rememberViewPrefs(ui, storage);
  const controller = new ToolController({
    board,
    shapes: live.index,
    ui,
    now: () => performance.now(),
    viewportSize: () => session.stageSize,
  });
  const notices = createNoticeStore();
  const registry = createDefaultActions({
    onError: (error, action) => {
      console.warn(`[easel] ${action.label} failed`, error);
      notices.getState().show(failureNotice(action.label, error));
    },
  });
  const session: BoardSession = {
    board,
    live,
    undo,
    ui,
    controller,
    registry,
    notices,
    lastPointer: { x: 0, y: 0 },
    stageSize: { width: 0, height: 0 },
    actions: {
      board,
      undo,
      ui,
      ...host,
      // Read at each use: the name lives in the doc and anyone may rename the board meanwhile.
      get boardName() {
        return boardFileBaseName(readBoardName(doc), host.boardName);
      },
      notify: (notice) => notices.getState().show(notice),
      pointer: () => session.lastPointer,
      viewportSize: () => session.stageSize,
    },
    setRole(role) {
      const canEdit = role === 'editor';
      board.setWritable(canEdit);
      if (!canEdit) controller.cancel(); // a gesture under way would write on up
      ui.getState().setCanEdit(canEdit);
    },
    destroy() {
      forgetViewPrefs();
      controller.destroy();
      undo.destroy();
      live.destroy();
      board.destroy();
    },
  };
  return session;
}
