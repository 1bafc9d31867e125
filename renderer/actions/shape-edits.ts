/**
 * Small pieces the edit and clipboard actions share: reading the selection,
 * selecting, moving and copying shapes.
 */
import { compareZOrder, groupPathOf, MAX_COORDINATE, type Shape } from '../../shared/model';
import type { ShapeInput } from '../doc';
import { withMembers } from '../frames/membership';
import type { ActionContext, Point } from './action';

/**
 * The selected shapes that are on the board (one may have been deleted by a
 * peer), bottom to top, with the members of selected frames: deleting,
 * duplicating, copying or nudging a frame takes what it holds along.
 */
export function selectedShapes(ctx: ActionContext): Shape[] {
  const shapes: Shape[] = [];
  for (const id of ctx.ui.getState().selection) {
    const shape = ctx.board.get(id);
    if (shape) shapes.push(shape);
  }
  return withMembers(shapes.sort(compareZOrder), ctx.board.all());
}

export function hasSelectedShapes(ctx: ActionContext): boolean {
  return ctx.ui.getState().selection.some((id) => ctx.board.has(id));
}

/** Selects `ids` with the select tool, the only tool that keeps a selection (see ui-store). */
export function selectWithSelectTool(ctx: ActionContext, ids: readonly string[]): void {
  const state = ctx.ui.getState();
  if (state.tool !== 'select') state.setTool('select');
  ctx.ui.getState().select(ids);
}

/** Drops ids from the selection that are no longer on the board (after undo, redo or delete). */
export function pruneSelection(ctx: ActionContext): void {
  const { selection, select } = ctx.ui.getState();
  const present = selection.filter((id) => ctx.board.has(id));
  if (present.length !== selection.length) select(present);
}

/** A coordinate moved by `delta`, kept inside the board's limits so the write cannot fail validation. */
export function shifted(coordinate: number, delta: number): number {
  return Math.min(MAX_COORDINATE, Math.max(-MAX_COORDINATE, coordinate + delta));
}

/**
 * Copies of `shapes` moved by `offset`, with fresh ids and without an index
 * (the caller places them). Every group they were in gets a fresh id, the same
 * for all its copied members, so the copies group (and nest) together without
 * joining the originals' groups. A copy of a frame's member is held by the copy
 * of that frame when it is copied too, else by no frame (where it lands
 * decides: frames/membership.ts).
 */
export function freshCopies(shapes: readonly Shape[], newId: () => string, offset: Point): ShapeInput[] {
  const groups = new Map<string, string>();
  const groupCopy = (groupId: string): string => {
    const copy = groups.get(groupId) ?? newId();
    groups.set(groupId, copy);
    return copy;
  };
  const frameCopies = new Map(shapes.filter((shape) => shape.type === 'frame').map((shape) => [shape.id, newId()]));
  const ids = shapes.map((shape) => frameCopies.get(shape.id) ?? newId());
  const copyOf = new Map(shapes.map((shape, i) => [shape.id, ids[i] as string]));
  return shapes.map((shape, i) => {
    const { frameId, groupId: _old, groupIds: _path, ...rest } = withBindingsTo(shape, copyOf);
    const path = groupPathOf(shape).map(groupCopy);
    return {
      ...rest,
      id: ids[i] as string,
      ...(frameId !== undefined && frameCopies.has(frameId) ? { frameId: frameCopies.get(frameId) } : {}),
      index: undefined,
      x: shifted(shape.x, offset.x),
      y: shifted(shape.y, offset.y),
      ...(path.length > 0 && { groupIds: path }),
    };
  });
}

/**
 * A connector's bindings pointed at the copies of their targets; an end whose
 * target is not copied along lets go (it would otherwise be drawn on the
 * original, far from the pasted copy). Its points are as drawn, so it stays put.
 */
function withBindingsTo(shape: Shape, copyOf: ReadonlyMap<string, string>): Shape {
  if (shape.type !== 'line' && shape.type !== 'arrow') return shape;
  const { startBinding, endBinding, ...rest } = shape;
  const moved = (binding: typeof startBinding) => {
    const id = binding && copyOf.get(binding.shapeId);
    return binding && id ? { ...binding, shapeId: id } : undefined;
  };
  const start = moved(startBinding);
  const end = moved(endBinding);
  return { ...rest, ...(start && { startBinding: start }), ...(end && { endBinding: end }) };
}
