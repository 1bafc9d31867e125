/**
 * Group, ungroup, lock and unlock (docs/ARCHITECTURE.md#actions). Each is one
 * `board.transact`: one undo step, one update to the relay. Which shapes a
 * group holds is each shape's `groupIds` (shared/model/shapes/groups.ts); the
 * selection rules are tools/select/group-selection.ts.
 *
 * Locking works on whole groups, as the selection does; a group some of whose
 * members are locked (a peer locked one meanwhile) selects and moves without
 * them. Locked shapes cannot be selected, so Unlock acts on the locked shape
 * under the point the context menu was opened at (or the pointer), with its
 * group's locked members, and Unlock all on every locked shape.
 */
import { groupPathOf, groupPathPatch, isLocked, MAX_GROUP_DEPTH, type Shape } from '../../shared/model';
import { hitTestShape } from '../shapes';
import { HIT_TOLERANCE_PX } from '../tools/constants';
import { groupedPaths, isInGroup, selectionUnits } from '../tools/select/group-selection';
import type { Action, ActionContext, Point } from './action';
import { hasSelectedShapes, selectedShapes, selectWithSelectTool } from './shape-edits';

function units(ctx: ActionContext) {
  return selectionUnits(selectedShapes(ctx), ctx.ui.getState().focusedGroup);
}

const group: Action = {
  id: 'arrange.group',
  label: 'Group',
  group: 'arrange',
  shortcuts: [{ key: 'g', mod: true }],
  enabled: (ctx) =>
    units(ctx).length >= 2 && selectedShapes(ctx).every((shape) => groupPathOf(shape).length < MAX_GROUP_DEPTH),
  perform(ctx) {
    const shapes = selectedShapes(ctx);
    const paths = groupedPaths(shapes, ctx.board.newId());
    ctx.board.transact(() => {
      for (const shape of shapes) ctx.board.update(shape.id, groupPathPatch(paths.get(shape.id) ?? []));
    });
  },
};

const ungroup: Action = {
  id: 'arrange.ungroup',
  label: 'Ungroup',
  group: 'arrange',
  shortcuts: [{ key: 'g', mod: true, shift: true }],
  enabled: (ctx) => units(ctx).some((unit) => unit.group !== null),
  perform(ctx) {
    const groups = units(ctx).flatMap((unit) => (unit.group === null ? [] : [unit.group]));
    const members = ctx.board.all().filter((shape) => groups.some((each) => isInGroup(shape, each)));
    ctx.board.transact(() => {
      for (const shape of members) {
        const path = groupPathOf(shape).filter((each) => !groups.includes(each));
        ctx.board.update(shape.id, groupPathPatch(path));
      }
    });
  },
};

const lock: Action = {
  id: 'arrange.lock',
  label: 'Lock',
  group: 'arrange',
  shortcuts: [{ key: 'l', mod: true, shift: true }],
  enabled: hasSelectedShapes,
  perform(ctx) {
    const shapes = selectedShapes(ctx);
    ctx.board.transact(() => {
      for (const shape of shapes) ctx.board.update(shape.id, { locked: true });
    });
    // A locked shape cannot be selected: the selection lets go of it.
    ctx.ui.getState().select([]);
  },
};

/** The locked shape drawn topmost at `at`, with the locked members of its outermost group. */
export function lockedAt(ctx: ActionContext, at: Point): Shape[] {
  const shapes = ctx.board.all();
  const tolerance = HIT_TOLERANCE_PX / ctx.ui.getState().viewport.zoom;
  const hit = shapes.findLast((shape) => hitTestShape(shape, at, tolerance));
  if (!hit || !isLocked(hit)) return [];
  const outer = groupPathOf(hit).at(-1);
  if (outer === undefined) return [hit];
  return shapes.filter((shape) => isLocked(shape) && isInGroup(shape, outer));
}

function unlockAndSelect(ctx: ActionContext, shapes: readonly Shape[]): void {
  ctx.board.transact(() => {
    for (const shape of shapes) ctx.board.update(shape.id, { locked: undefined });
  });
  selectWithSelectTool(
    ctx,
    shapes.map((shape) => shape.id),
  );
}

const unlock: Action = {
  id: 'arrange.unlock',
  label: 'Unlock',
  group: 'arrange',
  shortcuts: [],
  enabled: (ctx) => lockedAt(ctx, ctx.pointer()).length > 0,
  perform: (ctx, input) => unlockAndSelect(ctx, lockedAt(ctx, input?.at ?? ctx.pointer())),
};

const unlockAll: Action = {
  id: 'arrange.unlockAll',
  label: 'Unlock all',
  group: 'arrange',
  shortcuts: [],
  enabled: (ctx) => ctx.board.all().some(isLocked),
  perform: (ctx) => unlockAndSelect(ctx, ctx.board.all().filter(isLocked)),
};

export function createGroupActions(): Action[] {
  return [group, ungroup, lock, unlock, unlockAll];
}
