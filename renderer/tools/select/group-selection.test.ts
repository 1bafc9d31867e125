import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../shared/model';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { expandToUnits, groupedPaths, pickable, selectionUnits, unitGroupOf, unitSelection } from './group-selection';

const shape = (id: string, fields: Pick<Shape, 'groupId' | 'groupIds' | 'locked'> = {}): Shape =>
  exampleShape('rect', { id, ...fields });

// a and b are a group inside the group outer; c is in outer only; d is alone; e is in an old-style group.
const a = shape('a', { groupIds: ['inner', 'outer'] });
const b = shape('b', { groupIds: ['inner', 'outer'] });
const c = shape('c', { groupIds: ['outer'] });
const d = shape('d');
const e = shape('e', { groupId: 'old' });
const board = [a, b, c, d, e];
const ids = (shapes: readonly Shape[]) => shapes.map((each) => each.id);

describe('group selection rules', () => {
  it('a click on a member selects its outermost group; a shape in none selects itself', () => {
    expect(unitGroupOf(a, null)).toBe('outer');
    expect(unitSelection(board, a, null)).toEqual(['a', 'b', 'c']);
    expect(unitSelection(board, c, null)).toEqual(['a', 'b', 'c']);
    expect(unitSelection(board, d, null)).toEqual(['d']);
    expect(unitSelection(board, e, null)).toEqual(['e']);
  });

  it('inside an entered group, a click selects the next group down, or the shape itself', () => {
    expect(unitGroupOf(a, 'outer')).toBe('inner');
    expect(unitSelection(board, a, 'outer')).toEqual(['a', 'b']);
    expect(unitGroupOf(c, 'outer')).toBeNull();
    expect(unitSelection(board, c, 'outer')).toEqual(['c']);
    expect(unitSelection(board, a, 'inner')).toEqual(['a']);
    // A shape outside the entered group is picked as if no group were entered.
    expect(unitSelection(board, d, 'outer')).toEqual(['d']);
  });

  it('leaves locked shapes out of picking and out of their group', () => {
    const lockedB = { ...b, locked: true };
    const withLock = [a, lockedB, c, d];
    expect(ids(pickable(withLock))).toEqual(['a', 'c', 'd']);
    expect(unitSelection(withLock, a, null)).toEqual(['a', 'c']);
  });

  it('a marquee touching one member grows to its whole group', () => {
    expect(expandToUnits(board, ['a'], null)).toEqual(['a', 'b', 'c']);
    expect(expandToUnits(board, ['d', 'e'], null)).toEqual(['d', 'e']);
    expect(expandToUnits(board, ['a'], 'outer')).toEqual(['a', 'b']);
  });

  it('lists the selection as units: groups and lone shapes', () => {
    const units = selectionUnits(board, null);
    expect(units.map((unit) => [unit.group, ids(unit.shapes)])).toEqual([
      ['outer', ['a', 'b', 'c']],
      [null, ['d']],
      ['old', ['e']],
    ]);
    expect(selectionUnits([a, b, c], 'outer').map((unit) => unit.group)).toEqual(['inner', null]);
  });

  it('grouping nests: the new group goes just inside the groups all the shapes share', () => {
    expect(Object.fromEntries(groupedPaths([d, e], 'G'))).toEqual({ d: ['G'], e: ['old', 'G'] });
    expect(Object.fromEntries(groupedPaths([a, b, c, d], 'G'))).toEqual({
      a: ['inner', 'outer', 'G'],
      b: ['inner', 'outer', 'G'],
      c: ['outer', 'G'],
      d: ['G'],
    });
    // Inside the entered group "outer": the new group stays in it.
    expect(Object.fromEntries(groupedPaths([a, b, c], 'G'))).toEqual({
      a: ['inner', 'G', 'outer'],
      b: ['inner', 'G', 'outer'],
      c: ['G', 'outer'],
    });
  });
});
