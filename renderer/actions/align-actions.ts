/**
 * Align (2+ units) and distribute (3+) the selection, each one undo step. A
 * unit is a group or a lone shape (tools/select/group-selection.ts), measured by
 * its rotated bounds, so a group moves as one and keeps its shape.
 */
import { type Box, shapeBounds, unionBoxes } from '../shapes';
import { selectionUnits, type SelectionUnit } from '../tools/select/group-selection';
import type { Action, ActionContext } from './action';
import { type Alignment, alignOffsets, type DistributeAxis, distributeOffsets, type Offset } from './align';
import { selectedShapes, shifted } from './shape-edits';

function units(ctx: ActionContext): SelectionUnit[] {
  return selectionUnits(selectedShapes(ctx), ctx.ui.getState().focusedGroup);
}

const NO_BOX: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

function moveUnits(ctx: ActionContext, offsetsOf: (boxes: Box[]) => Offset[]): void {
  const selected = units(ctx);
  // A unit always holds a shape, so its box is never the placeholder.
  const offsets = offsetsOf(selected.map((unit) => unionBoxes(unit.shapes.map(shapeBounds)) ?? NO_BOX));
  ctx.board.transact(() => {
    selected.forEach((unit, i) => {
      const { dx, dy } = offsets[i] ?? { dx: 0, dy: 0 };
      if (dx === 0 && dy === 0) return;
      for (const shape of unit.shapes) {
        ctx.board.update(shape.id, { x: shifted(shape.x, dx), y: shifted(shape.y, dy) });
      }
    });
  });
}

const ALIGN: readonly { alignment: Alignment; id: string; label: string; key: string }[] = [
  { alignment: 'left', id: 'arrange.alignLeft', label: 'Align left edges', key: 'ArrowLeft' },
  { alignment: 'centre', id: 'arrange.alignCentre', label: 'Align horizontal centres', key: '' },
  { alignment: 'right', id: 'arrange.alignRight', label: 'Align right edges', key: 'ArrowRight' },
  { alignment: 'top', id: 'arrange.alignTop', label: 'Align top edges', key: 'ArrowUp' },
  { alignment: 'middle', id: 'arrange.alignMiddle', label: 'Align vertical centres', key: '' },
  { alignment: 'bottom', id: 'arrange.alignBottom', label: 'Align bottom edges', key: 'ArrowDown' },
];

const DISTRIBUTE: readonly { axis: DistributeAxis; id: string; label: string }[] = [
  { axis: 'horizontal', id: 'arrange.distributeHorizontal', label: 'Distribute horizontally' },
  { axis: 'vertical', id: 'arrange.distributeVertical', label: 'Distribute vertically' },
];

export function createAlignActions(): Action[] {
  const align = ALIGN.map(({ alignment, id, label, key }): Action => ({
    id,
    label,
    group: 'arrange',
    // Ctrl/Cmd+Shift+arrow, as in Excalidraw; the centre lines have no key there either.
    shortcuts: key ? [{ key, mod: true, shift: true }] : [],
    enabled: (ctx) => units(ctx).length >= 2,
    perform: (ctx) => moveUnits(ctx, (boxes) => alignOffsets(boxes, alignment)),
  }));
  const distribute = DISTRIBUTE.map(({ axis, id, label }): Action => ({
    id,
    label,
    group: 'arrange',
    shortcuts: [],
    enabled: (ctx) => units(ctx).length >= 3,
    perform: (ctx) => moveUnits(ctx, (boxes) => distributeOffsets(boxes, axis)),
  }));
  return [...align, ...distribute];
}
