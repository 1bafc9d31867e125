/**
 * Which shapes a click selects once shapes are grouped and locked (docs/ARCHITECTURE.md#tools-and-shapes),
 * as Excalidraw does: a click on a member selects its outermost group; a
 * double-click enters that group (the UI store's `focusedGroup`), after which a
 * click inside it selects the next group down, or the shape itself. Locked
 * shapes are never picked, and a group's locked members stay out of its
 * selection (they do not move with it). Pure functions over the board's shapes.
 */
import { groupPathOf, isLocked, type Shape } from '../../../shared/model';

/** A group or a lone shape: what one click selects, what align moves as one. */
export interface SelectionUnit {
  /** The group, or null for a shape in no group (at this level). */
  group: string | null;
  shapes: Shape[];
}

/**
 * The group a click on `shape` selects, given the group entered (null: none);
 * null when the click selects the shape alone.
 */
export function unitGroupOf(shape: Shape, focusedGroup: string | null): string | null {
  const path = groupPathOf(shape);
  const depth = focusedGroup === null ? -1 : path.indexOf(focusedGroup);
  if (depth === 0) return null;
  if (depth > 0) return path[depth - 1] ?? null;
  return path.at(-1) ?? null;
}

export function isInGroup(shape: Shape, group: string): boolean {
  return groupPathOf(shape).includes(group);
}

/** The shapes a click, marquee or eraser may pick. */
export function pickable(shapes: readonly Shape[]): Shape[] {
  return shapes.filter((shape) => !isLocked(shape));
}

/** The ids a click on `shape` selects: its unit's unlocked members (the shape alone outside groups). */
export function unitSelection(shapes: readonly Shape[], shape: Shape, focusedGroup: string | null): string[] {
  const group = unitGroupOf(shape, focusedGroup);
  if (group === null) return [shape.id];
  return shapes.filter((each) => !isLocked(each) && isInGroup(each, group)).map((each) => each.id);
}

/** `ids` grown to whole units (a marquee touching one member selects its group), in board order. */
export function expandToUnits(shapes: readonly Shape[], ids: readonly string[], focusedGroup: string | null): string[] {
  const chosen = new Set(ids);
  const groups = new Set<string>();
  for (const shape of shapes) {
    if (!chosen.has(shape.id)) continue;
    const group = unitGroupOf(shape, focusedGroup);
    if (group !== null) groups.add(group);
  }
  return shapes
    .filter((shape) => chosen.has(shape.id) || (!isLocked(shape) && groupPathOf(shape).some((g) => groups.has(g))))
    .map((shape) => shape.id);
}

/** The selected shapes as units, in the order their first member comes. */
export function selectionUnits(selected: readonly Shape[], focusedGroup: string | null): SelectionUnit[] {
  const units: SelectionUnit[] = [];
  const byGroup = new Map<string, SelectionUnit>();
  for (const shape of selected) {
    const group = unitGroupOf(shape, focusedGroup);
    if (group === null) {
      units.push({ group, shapes: [shape] });
      continue;
    }
    const unit = byGroup.get(group);
    if (unit) unit.shapes.push(shape);
    else {
      const created = { group, shapes: [shape] };
      byGroup.set(group, created);
      units.push(created);
    }
  }
  return units;
}

/**
 * Each shape's groups once `shapes` (two units or more) are grouped as `group`: the new group goes
 * just inside the groups they all share, so grouping groups nests them and grouping inside an
 * entered group keeps the result in it.
 */
export function groupedPaths(shapes: readonly Shape[], group: string): Map<string, string[]> {
  const paths = shapes.map((shape) => groupPathOf(shape));
  const shared = sharedOuterGroups(paths);
  return new Map(
    shapes.map((shape, i) => {
      const path = paths[i] ?? [];
      return [shape.id, [...path.slice(0, path.length - shared), group, ...path.slice(path.length - shared)]];
    }),
  );
}

/** How many outermost groups every path ends with alike. */
function sharedOuterGroups(paths: readonly (readonly string[])[]): number {
  const first = paths[0] ?? [];
  let shared = 0;
  while (
    shared < first.length &&
    paths.every((path) => path.length > shared && path[path.length - 1 - shared] === first[first.length - 1 - shared])
  ) {
    shared++;
  }
  return shared;
}
