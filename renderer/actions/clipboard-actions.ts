/**
 * Copy, cut and paste through the ClipboardPort (format: clipboard.ts): the
 * page's copy, cut and paste events hand theirs (registry.handleClipboardEvent),
 * the context menu uses the system clipboard's.
 *
 * The clipboard is asynchronous, so these actions return a promise; the
 * board change itself still happens in one synchronous transact once the
 * clipboard has answered. The selection and the pointer are read when the
 * action starts, so a pointer that moves while the clipboard answers does
 * not move the paste.
 */
import { placeCopies } from '../frames/membership';
import { MAX_COORDINATE, MAX_FONT_SIZE, MAX_TEXT_LENGTH, MIN_FONT_SIZE, type TextShape } from '../../shared/model';
import { measureTextBox } from '../shapes';
import type { Action, ActionContext, Point } from './action';
import { boundsCentre, unionBounds } from './bounds';
import { decodeClipboardText, encodeClipboardShapes } from './clipboard';
import {
  freshCopies,
  hasSelectedShapes,
  pruneSelection,
  selectWithSelectTool,
  selectedShapes,
  shifted,
} from './shape-edits';

const copy: Action = {
  id: 'edit.copy',
  label: 'Copy',
  group: 'edit',
  shortcuts: [{ key: 'c', mod: true }],
  clipboardEvent: 'copy',
  enabled: hasSelectedShapes,
  async perform(ctx, input) {
    await (input?.clipboard ?? ctx.clipboard).writeText(encodeClipboardShapes(selectedShapes(ctx)));
  },
};

const cut: Action = {
  id: 'edit.cut',
  label: 'Cut',
  group: 'edit',
  shortcuts: [{ key: 'x', mod: true }],
  clipboardEvent: 'cut',
  enabled: hasSelectedShapes,
  async perform(ctx, input) {
    const shapes = selectedShapes(ctx);
    // Delete only once the shapes are safely on the clipboard: a refused write must not lose them.
    await (input?.clipboard ?? ctx.clipboard).writeText(encodeClipboardShapes(shapes));
    ctx.board.transact(() => ctx.board.delete(shapes.map((shape) => shape.id)));
    pruneSelection(ctx);
  },
};

const paste: Action = {
  id: 'edit.paste',
  label: 'Paste',
  group: 'edit',
  shortcuts: [{ key: 'v', mod: true }],
  clipboardEvent: 'paste',
  // Always enabled: what the clipboard holds is only known once it is read.
  async perform(ctx, input) {
    const at = input?.at ?? ctx.pointer();
    const text = input?.text ?? (await (input?.clipboard ?? ctx.clipboard).readText());
    pasteText(ctx, text, at);
  },
};

/**
 * Pastes clipboard text centred on `at` and selects what it made: Easel
 * shapes keep their layout relative to each other, with new ids and on top
 * of the board; any other text becomes a text shape. Returns the new ids.
 */
export function pasteText(ctx: ActionContext, text: string, at: Point): string[] {
  const content = decodeClipboardText(text);
  if (content.kind === 'empty') return [];
  if (content.kind === 'shapes' && content.shapes.length === 0) return [];
  const created = ctx.board.transact(() => {
    if (content.kind === 'text') return [ctx.board.create(textShapeAt(ctx, content.text, at))];
    const centre = boundsCentre(unionBounds(content.shapes) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 });
    const offset = { x: at.x - centre.x, y: at.y - centre.y };
    return ctx.board.create(
      placeCopies(
        freshCopies(content.shapes, () => ctx.board.newId(), offset),
        ctx.board.all(),
      ),
    );
  });
  const ids = created.map((shape) => shape.id);
  selectWithSelectTool(ctx, ids);
  return ids;
}

/** A text shape in the current style, centred on `at` by the box bounds.ts measures for it (what is drawn). */
function textShapeAt(ctx: ActionContext, raw: string, at: Point): Omit<TextShape, 'index'> {
  const { style } = ctx.ui.getState();
  const text = raw.replace(/\r\n?/g, '\n').slice(0, MAX_TEXT_LENGTH);
  const fontSize = Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, style.fontSize));
  const box = measureTextBox({ text, fontSize });
  const w = Math.min(MAX_COORDINATE, box.w);
  const h = box.h;
  return {
    type: 'text',
    id: ctx.board.newId(),
    x: shifted(at.x, -w / 2),
    y: shifted(at.y, -h / 2),
    rotation: 0,
    opacity: style.opacity,
    style: { stroke: style.stroke, fill: style.fill, strokeWidth: style.strokeWidth },
    text,
    fontSize,
    w,
  };
}

export function createClipboardActions(): Action[] {
  return [copy, cut, paste];
}
