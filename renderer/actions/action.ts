/**
 * Commands as data (docs/ARCHITECTURE.md#actions; Excalidraw `actions/types.ts`). An
 * action says what it is called, which keys run it, when it can run and what
 * it does; the toolbar, the keyboard handler, the context menu and the
 * desktop menu all read the same registry instead of each wiring its own.
 *
 * An action reaches the world only through ActionContext, so a test runs it
 * against a real BoardDoc and UiStore with an in-memory clipboard and files.
 */
import type { BoardDoc, BoardUndo } from '../doc';
import type { ExportRenderer } from '../export/export-renderer';
import type { ImagePort } from '../images/board-images';
import type { FilePort } from '../platform/platform';
import type { Notice } from '../state/notices';
import type { UiStore } from '../state/ui-store';
import type { ThemeStore } from '../theme/theme-store';

export type ActionGroup = 'tools' | 'edit' | 'arrange' | 'view' | 'file' | 'help';

/**
 * A key combination, for display and for matching. `key` is a
 * KeyboardEvent.key value ('z', 'Delete', 'ArrowLeft', '['); letters are
 * matched in either case. `mod` is Cmd on macOS and Ctrl elsewhere.
 */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Only on this platform, e.g. Ctrl+Y for redo, which is not a macOS convention. */
  onlyOn?: 'mac' | 'other';
}

/** The fields of a KeyboardEvent the registry reads; a DOM KeyboardEvent is one. */
export interface KeyInput {
  key: string;
  /** The physical key ('KeyZ', 'Digit1'), used where `key` depends on the layout or on Shift. */
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** True while an input method is composing; such key presses belong to the text, never to a command. */
  isComposing?: boolean;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The system clipboard as text. The browser and desktop implementations come
 * with renderer/platform; MemoryClipboard (clipboard.ts) stands in for tests.
 */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface ActionContext {
  board: BoardDoc;
  undo: BoardUndo;
  ui: UiStore;
  clipboard: ClipboardPort;
  /** Save and open dialogs of the host (renderer/platform); MemoryFiles in tests. */
  files: FilePort;
  /** Paints PNG exports (renderer/export); needs a browser, so tests pass a stand-in. */
  exporter: ExportRenderer;
  /** Tells the user that a command failed or only partly worked (the board's banner). */
  notify(notice: Notice): void;
  /** The board's name, for the files it is saved and exported as. */
  boardName: string;
  /** The last pointer position, in board coordinates (where paste lands). */
  pointer(): Point;
  /** The canvas size in screen pixels (zoom keeps its centre still; fit fills it). */
  viewportSize(): Size;
  isMac: boolean;
  /** Light or dark on this device (renderer/theme): View → Dark mode toggles it. */
  theme: ThemeStore;
  /** Adds image files to the board (renderer/images); absent until the board's image store is open. */
  images?: ImagePort;
}

/** What a caller may hand to `perform` besides the context. A toolbar click passes nothing. */
export interface ActionInput {
  /** The key press that ran the action (the registry passes it), e.g. Shift for a 10 px nudge. */
  event?: KeyInput;
  /** Where to act instead of the pointer, in board coordinates (a context menu's "Paste here"). */
  at?: Point;
  /** Clipboard text already in hand, so paste need not ask for it. */
  text?: string;
  /**
   * The clipboard of the page's copy, cut or paste event, used instead of
   * `ctx.clipboard` (registry.handleClipboardEvent): read and written while
   * the event is dispatched, with no permission to ask.
   */
  clipboard?: ClipboardPort;
}

/** The page's clipboard events, which the keys and the native Edit menu's roles cause. */
export type ClipboardEventKind = 'copy' | 'cut' | 'paste';

export interface Action {
  /** `group.name`, e.g. 'edit.undo'; unique in a registry. */
  id: string;
  label: string;
  group: ActionGroup;
  /** The first one that applies to the platform is the one shown in tooltips and menus. */
  shortcuts: readonly Shortcut[];
  /**
   * Runs from the page's copy, cut or paste event instead of its key press:
   * the key (or the Edit menu's role) makes the browser fire the event, which
   * leaves text fields to copy and paste text. `shortcuts` is then shown only.
   */
  clipboardEvent?: ClipboardEventKind;
  /** Extra matching for keys `shortcuts` cannot describe (e.g. '+' typed with or without Shift). */
  keyTest?(event: KeyInput, ctx: ActionContext): boolean;
  /** False when performing would do nothing; a disabled action is greyed out and its keys do nothing. */
  enabled?(ctx: ActionContext): boolean;
  /** For toggles and tools: whether a menu shows it ticked, a toolbar pressed. */
  checked?(ctx: ActionContext): boolean;
  /** Returns a promise only when it has to wait (the clipboard); board changes still happen in one transact. */
  perform(ctx: ActionContext, input?: ActionInput): void | Promise<void>;
}
