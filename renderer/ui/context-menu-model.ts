/**
 * What the board's context menu lists, read from the action registry
 * (docs/ARCHITECTURE.md#actions): labels, shortcut hints and whether each item can run come
 * from the actions themselves, so the menu, the toolbar and the keys agree.
 * This file decides only which actions a target offers, in which order, and
 * where separators go (between actions of different groups). Pure: the
 * component (ContextMenu.tsx) renders the entries and performs the choice.
 */
import type { ActionContext, ActionRegistry } from '../actions';
import { shortcutLabel } from '../actions';
import { isLocked } from '../../shared/model';
import { hitTestShape, type Point } from '../shapes';
import { isInGroup, pickable, unitSelection } from '../tools/select/group-selection';

/**
 * A right-click on a shape works on the selection; on empty canvas, on the board at that point;
 * on a locked shape (which cannot be selected), it offers to unlock it.
 */
export type ContextMenuTarget = 'selection' | 'canvas' | 'locked';

/** The actions each target offers, top to bottom. */
export const CONTEXT_MENU_ACTIONS: Readonly<Record<ContextMenuTarget, readonly string[]>> = {
  selection: [
    'edit.cut',
    'edit.copy',
    'edit.paste',
    'edit.duplicate',
    'edit.delete',
    'arrange.bringForward',
    'arrange.sendBackward',
    'arrange.bringToFront',
    'arrange.sendToBack',
    'arrange.group',
    'arrange.ungroup',
    'arrange.lock',
    'arrange.alignLeft',
    'arrange.alignCentre',
    'arrange.alignRight',
    'arrange.alignTop',
    'arrange.alignMiddle',
    'arrange.alignBottom',
    'arrange.distributeHorizontal',
    'arrange.distributeVertical',
    'edit.renameFrame',
    'file.exportFramePng',
    'file.exportFrameSvg',
    'view.present',
  ],
  canvas: [
    'edit.paste',
    'edit.selectAll',
    'view.zoomToFit',
    'view.toggleGrid',
    'view.snapToGrid',
    'edit.undo',
    'edit.redo',
    'arrange.unlockAll',
  ],
  locked: ['arrange.unlock', 'arrange.unlockAll'],
};

/** Items left out, rather than greyed, while they cannot run: they only make sense for some selections. */
const SHOWN_ONLY_WHEN_ENABLED: ReadonlySet<string> = new Set([
  'arrange.group',
  'arrange.ungroup',
  'arrange.unlockAll',
  'arrange.alignLeft',
  'arrange.alignCentre',
  'arrange.alignRight',
  'arrange.alignTop',
  'arrange.alignMiddle',
  'arrange.alignBottom',
  'arrange.distributeHorizontal',
  'arrange.distributeVertical',
  'edit.renameFrame',
  'file.exportFramePng',
  'file.exportFrameSvg',
  'view.present',
]);

export interface ContextMenuItem {
  kind: 'item';
  /** The action's id, what choosing the item performs. */
  id: string;
  label: string;
  /** The platform's shortcut, e.g. 'Ctrl+C' or '⌘C'; '' when the action has none. */
  shortcut: string;
  enabled: boolean;
  /** Set only for actions that can be ticked. */
  checked?: boolean;
}

export type ContextMenuEntry = ContextMenuItem | { kind: 'separator' };

/**
 * The menu for `target`, as the actions stand in `ctx` now. An id the
 * registry does not know is left out rather than shown dead (the unit tests
 * check that every listed id is registered).
 */
export function buildContextMenu(
  registry: Pick<ActionRegistry, 'get' | 'isEnabled'>,
  ctx: ActionContext,
  target: ContextMenuTarget,
): ContextMenuEntry[] {
  const entries: ContextMenuEntry[] = [];
  let group: string | null = null;
  for (const id of CONTEXT_MENU_ACTIONS[target]) {
    const action = registry.get(id);
    if (!action) continue;
    const enabled = registry.isEnabled(action, ctx);
    if (!enabled && SHOWN_ONLY_WHEN_ENABLED.has(id)) continue;
    if (group !== null && action.group !== group) entries.push({ kind: 'separator' });
    group = action.group;
    const item: ContextMenuItem = {
      kind: 'item',
      id,
      label: action.label,
      shortcut: shortcutLabel(action, ctx.isMac),
      enabled,
    };
    if (action.checked) item.checked = action.checked(ctx);
    entries.push(item);
  }
  return entries;
}

/**
 * Decides what a right-click at board point `at` is about, and makes the
 * selection match (Excalidraw): on a shape that is not selected, that shape
 * alone becomes the selection (with the select tool, the one that keeps a
 * selection); on a selected shape the selection stays; on empty canvas the
 * selection is cleared, as the menu then works on the board. A shape in a
 * group selects the group (group-selection.ts); a locked shape selects nothing.
 */
export function targetContextMenu(ctx: ActionContext, at: Point, tolerance: number): ContextMenuTarget {
  const shapes = ctx.board.all();
  const hit = shapes.findLast((shape) => hitTestShape(shape, at, tolerance));
  const ui = ctx.ui.getState();
  if (!hit || isLocked(hit)) {
    if (ui.selection.length > 0) ui.select([]);
    return hit ? 'locked' : 'canvas';
  }
  if (!ui.selection.includes(hit.id)) {
    if (ui.tool !== 'select') ui.setTool('select');
    const focus = ctx.ui.getState().focusedGroup;
    if (focus !== null && !isInGroup(hit, focus)) ctx.ui.getState().enterGroup(null);
    ctx.ui.getState().select(unitSelection(pickable(shapes), hit, ctx.ui.getState().focusedGroup));
  }
  return 'selection';
}

/**
 * The index of the next enabled item from `from` going `step` (+1 down, -1
 * up), wrapping around; from outside the list (-1) it finds the first going
 * down and the last going up. -1 when no item is enabled. Separators and
 * disabled items are skipped, as arrow keys skip them.
 */
export function nextEnabledIndex(entries: readonly ContextMenuEntry[], from: number, step: 1 | -1): number {
  const n = entries.length;
  const start = from >= 0 && from < n ? from : step > 0 ? -1 : n;
  for (let k = 1; k <= n; k++) {
    const i = (((start + step * k) % n) + n) % n;
    const entry = entries[i];
    if (entry?.kind === 'item' && entry.enabled) return i;
  }
  return -1;
}
