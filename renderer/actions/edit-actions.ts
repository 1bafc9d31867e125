/**
 * Edit actions that need no clipboard: delete, undo, redo, select all (but
 * locked shapes), duplicate and nudge. Each board change is one `board.transact`, so one
 * undo step for this user and one update to the relay.
 */
import { placeCopies } from '../frames/membership';
import { compareIndex, indicesBetween, type Shape } from '../../shared/model';
import { movedConnectorPatch } from '../doc/connector-reads';
import { pickable } from '../tools/select/group-selection';
import type { Action, ActionContext } from './action';
import {
  freshCopies,
  hasSelectedShapes,
  pruneSelection,
  selectWithSelectTool,
  selectedShapes,
  shifted,
} from './shape-edits';

/** How far Ctrl/Cmd+D moves the copies, in board units, so they do not hide the originals. */
export const DUPLICATE_OFFSET = 10;
/** Arrow keys move by 1 board unit, by 10 with Shift. */
export const NUDGE_STEP = 1;
export const NUDGE_STEP_LARGE = 10;

const deleteSelection: Action = {
  id: 'edit.delete',
  label: 'Delete',
  group: 'edit',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  enabled: hasSelectedShapes,
  perform(ctx) {
    const ids = selectedShapes(ctx).map((shape) => shape.id);
    ctx.board.transact(() => ctx.board.delete(ids));
    ctx.ui.getState().select([]);
  },
};

const undo: Action = {
  id: 'edit.undo',
  label: 'Undo',
  group: 'edit',
  shortcuts: [{ key: 'z', mod: true }],
  enabled: (ctx) => ctx.undo.canUndo,
  perform(ctx) {
    ctx.undo.undo();
    pruneSelection(ctx);
  },
};

const redo: Action = {
  id: 'edit.redo',
  label: 'Redo',
  group: 'edit',
  shortcuts: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true, onlyOn: 'other' },
  ],
  enabled: (ctx) => ctx.undo.canRedo,
  perform(ctx) {
    ctx.undo.redo();
    pruneSelection(ctx);
  },
};

const selectAll: Action = {
  id: 'edit.selectAll',
  label: 'Select all',
  group: 'edit',
  shortcuts: [{ key: 'a', mod: true }],
  enabled(ctx) {
    const { tool, selection } = ctx.ui.getState();
    const selected = new Set(selection);
    const shapes = pickable(ctx.board.all());
    return shapes.length > 0 && (tool !== 'select' || shapes.some((shape) => !selected.has(shape.id)));
  },
  perform(ctx) {
    ctx.ui.getState().enterGroup(null);
    selectWithSelectTool(
      ctx,
      pickable(ctx.board.all()).map((shape) => shape.id),
    );
  },
};

/**
 * Copies go right above the topmost selected shape, as one block in the
 * originals' order: a copy stays in the layer the user was working in
 * rather than jumping over everything else on the board.
 */
const duplicate: Action = {
  id: 'edit.duplicate',
  label: 'Duplicate',
  group: 'edit',
  shortcuts: [{ key: 'd', mod: true }],
  enabled: hasSelectedShapes,
  perform(ctx) {
    const originals = selectedShapes(ctx);
    const top = originals.at(-1);
    if (!top) return;
    const copies = ctx.board.transact(() => {
      const indices = indicesAbove(ctx.board.all(), top, originals.length);
      const inputs = placeCopies(
        freshCopies(originals, () => ctx.board.newId(), { x: DUPLICATE_OFFSET, y: DUPLICATE_OFFSET }),
        ctx.board.all(),
      );
      return ctx.board.create(inputs.map((input, i) => ({ ...input, index: indices[i] })));
    });
    selectWithSelectTool(
      ctx,
      copies.map((shape) => shape.id),
    );
  },
};

/** `count` keys above `top` and below the next higher key on the board. */
function indicesAbove(sorted: readonly Shape[], top: Shape, count: number): string[] {
  // Shapes tied with `top` (same key, higher id) are skipped: no key fits between equal keys.
  const next = sorted.find((shape) => compareIndex(shape.index, top.index) > 0);
  return indicesBetween(top.index, next?.index ?? null, count);
}

const NUDGES = [
  { name: 'Left', key: 'ArrowLeft', dx: -1, dy: 0 },
  { name: 'Right', key: 'ArrowRight', dx: 1, dy: 0 },
  { name: 'Up', key: 'ArrowUp', dx: 0, dy: -1 },
  { name: 'Down', key: 'ArrowDown', dx: 0, dy: 1 },
] as const;

/** One action per direction; Shift on the key press that ran it makes the step large. */
function nudgeActions(): Action[] {
  return NUDGES.map(({ name, key, dx, dy }) => ({
    id: `edit.nudge${name}`,
    label: `Nudge ${name.toLowerCase()}`,
    group: 'edit',
    shortcuts: [{ key }, { key, shift: true }],
    enabled: hasSelectedShapes,
    perform(ctx: ActionContext, input) {
      const step = input?.event?.shiftKey ? NUDGE_STEP_LARGE : NUDGE_STEP;
      const shapes = selectedShapes(ctx);
      const ids = new Set(shapes.map((shape) => shape.id));
      ctx.board.transact(() => {
        for (const shape of shapes) {
          const moved = { ...shape, x: shifted(shape.x, dx * step), y: shifted(shape.y, dy * step) };
          // A connector nudged without its shapes lets go of them, as when dragged.
          ctx.board.update(shape.id, { x: moved.x, y: moved.y, ...movedConnectorPatch(moved, ids) });
        }
      });
    },
  }));
}

export function createEditActions(): Action[] {
  return [deleteSelection, undo, redo, selectAll, duplicate, ...nudgeActions()];
}
