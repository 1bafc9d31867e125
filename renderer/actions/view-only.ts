/**
 * Which commands a viewer may run (docs/ARCHITECTURE.md#permissions): the
 * ones that only look at the board (the view and help groups, and those listed). Everything else changes it, and the
 * registry disables it while the UI store's `canEdit` is false, so the
 * toolbar, menus (the native one too), shortcuts, the context menu and
 * clipboard events all follow from this one list. An action not listed here
 * counts as a change: a new command is view-only-safe only once it is added.
 */
import type { Action, ActionContext } from './action';

const VIEWING_ACTIONS: ReadonlySet<string> = new Set([
  'tools.select',
  'tools.hand',
  'tools.laser',
  'edit.copy',
  'edit.selectAll',
  'file.exportPng',
  'file.exportPngDark',
  'file.exportSvg',
  'file.exportPdf',
  'file.exportPdfDark',
  'file.exportPdfFrames',
  'file.exportFramePng',
  'file.exportFrameSvg',
  'file.save',
  'file.saveAs',
]);

/** Groups that never touch the board: the viewport, the grid, help. */
const VIEWING_GROUPS: ReadonlySet<string> = new Set(['view', 'help']);

/** Whether running the action would change the board (or its undo history). */
export function changesBoard(action: Pick<Action, 'id' | 'group'>): boolean {
  return !VIEWING_GROUPS.has(action.group) && !VIEWING_ACTIONS.has(action.id);
}

/** The one `canEdit` gate: false for an action that changes the board while this person may not. */
export function allowedForRole(action: Pick<Action, 'id' | 'group'>, ctx: Pick<ActionContext, 'ui'>): boolean {
  return ctx.ui.getState().canEdit || !changesBoard(action);
}
