/**
 * Enter edits the one selected shape's words in place: a text's or note's
 * text, a rectangle's, ellipse's, line's or arrow's label (Excalidraw and
 * tldraw do the same). The inline editor opens over it (canvas/TextEditor.tsx)
 * and commits through the select tool, one undo step per edit.
 */
import type { Shape } from '../../shared/model';
import type { Action, ActionContext } from './action';
import { selectedShapes } from './shape-edits';

const EDITABLE: ReadonlySet<Shape['type']> = new Set(['text', 'note', 'rect', 'ellipse', 'line', 'arrow']);

/** The shape Enter would edit: exactly one selected, of a kind with words, none being edited already. */
function editableSelection(ctx: ActionContext): Shape | undefined {
  const { tool, editingId } = ctx.ui.getState();
  if (tool !== 'select' || editingId !== null) return undefined;
  const selected = selectedShapes(ctx);
  const [only] = selected;
  return selected.length === 1 && only && EDITABLE.has(only.type) ? only : undefined;
}

const editText: Action = {
  id: 'edit.editText',
  label: 'Edit text',
  group: 'edit',
  shortcuts: [{ key: 'Enter' }],
  enabled: (ctx) => editableSelection(ctx) !== undefined,
  perform(ctx) {
    const shape = editableSelection(ctx);
    if (shape) ctx.ui.getState().setEditing(shape.id);
  },
};

export function createTextActions(): Action[] {
  return [editText];
}
