/**
 * A real ActionContext for tests (and a quick harness): a BoardDoc over a
 * fresh Y.Doc, its BoardUndo, a UiStore and an in-memory clipboard. The
 * pointer and canvas size are plain fields the test moves.
 */
import * as Y from 'yjs';
import type { RectShape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { BoardDoc, BoardUndo, type ShapeInput } from '../doc';
import { createUiStore } from '../state/ui-store';
import type { ActionContext, KeyInput, Point, Shortcut, Size } from './action';
import { MemoryClipboard } from './clipboard';

export interface TestContext extends ActionContext {
  clipboard: MemoryClipboard;
  pointerAt: Point;
  canvas: Size;
}

export function createTestContext(options: { isMac?: boolean } = {}): TestContext {
  const board = new BoardDoc(new Y.Doc());
  const ctx: TestContext = {
    board,
    undo: new BoardUndo(board),
    ui: createUiStore(),
    clipboard: new MemoryClipboard(),
    isMac: options.isMac ?? false,
    pointerAt: { x: 0, y: 0 },
    canvas: { width: 1000, height: 800 },
    pointer: () => ctx.pointerAt,
    viewportSize: () => ctx.canvas,
  };
  return ctx;
}

/** A rectangle (120 × 80 at 10, 20 unless overridden) without an index, so the board puts it on top. */
export function rect(id: string, fields: Partial<RectShape> = {}): ShapeInput {
  return { ...exampleShape('rect', { id, ...fields }), index: undefined };
}

/** What a key press of `shortcut` looks like on a US layout. */
export function keyPress(shortcut: Shortcut, isMac: boolean): KeyInput {
  const { key, mod = false, shift = false, alt = false } = shortcut;
  return {
    key: shift && /^[a-z]$/.test(key) ? key.toUpperCase() : key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : undefined,
    metaKey: isMac && mod,
    ctrlKey: !isMac && mod,
    shiftKey: shift,
    altKey: alt,
  };
}
