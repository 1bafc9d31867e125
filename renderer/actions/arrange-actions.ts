/**
 * Z-order actions over BoardDoc.reorder. Whether one would do anything is
 * asked of the same function BoardDoc uses to move shapes (doc/reorder.ts),
 * so a menu item is greyed out exactly when choosing it would change nothing.
 */
import type { ReorderDirection } from '../doc';
import { reorderedIndices } from '../doc/reorder';
import type { Action, ActionContext, Shortcut } from './action';

const ARRANGEMENTS: readonly { direction: ReorderDirection; id: string; label: string; shortcut: Shortcut }[] = [
  { direction: 'backward', id: 'arrange.sendBackward', label: 'Send backward', shortcut: { key: '[' } },
  { direction: 'forward', id: 'arrange.bringForward', label: 'Bring forward', shortcut: { key: ']' } },
  { direction: 'back', id: 'arrange.sendToBack', label: 'Send to back', shortcut: { key: '[', mod: true } },
  { direction: 'front', id: 'arrange.bringToFront', label: 'Bring to front', shortcut: { key: ']', mod: true } },
];

function selectedIds(ctx: ActionContext): Set<string> {
  return new Set(ctx.ui.getState().selection);
}

export function createArrangeActions(): Action[] {
  return ARRANGEMENTS.map(({ direction, id, label, shortcut }) => ({
    id,
    label,
    group: 'arrange',
    shortcuts: [shortcut],
    enabled: (ctx) => reorderedIndices(ctx.board.all(), selectedIds(ctx), direction).size > 0,
    perform(ctx) {
      ctx.board.transact(() => ctx.board.reorder([...selectedIds(ctx)], direction));
    },
  }));
}
