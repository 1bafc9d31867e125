/**
 * Reading and writing a shape's groups (docs/ARCHITECTURE.md#board-model). A shape
 * lists its groups innermost first, outermost last (`groupIds`); boards made
 * before groups could nest hold at most one `groupId`, read here as a path of
 * one. Writers go through `groupPathPatch`, which writes `groupIds` alone, so a
 * shape never carries both.
 */
import type { Shape } from './index';

type Grouped = Pick<Shape, 'groupId' | 'groupIds'>;

/** The shape's groups, innermost first; [] when it is in none. */
export function groupPathOf(shape: Grouped): readonly string[] {
  if (shape.groupIds !== undefined) return shape.groupIds;
  return shape.groupId === undefined ? [] : [shape.groupId];
}

/** The outermost group, which a click on the shape selects; undefined when it is in none. */
export function outermostGroupOf(shape: Grouped): string | undefined {
  return groupPathOf(shape).at(-1);
}

/** The fields that give a shape `path` as its groups (`undefined` removes a field, as BoardDoc.update reads it). */
export function groupPathPatch(path: readonly string[]): { groupIds: string[] | undefined; groupId: undefined } {
  return { groupIds: path.length > 0 ? [...path] : undefined, groupId: undefined };
}

export function isLocked(shape: Pick<Shape, 'locked'>): boolean {
  return shape.locked === true;
}
