import { describe, expect, it } from 'vitest';
import { compareZOrder, indicesBetween } from '../../shared/model';
import { type Ordered, type ReorderDirection, reorderedIndices } from './reorder';

/** Shapes named by one letter each, stacked bottom to top in the order given. */
function stack(names: string): Ordered[] {
  const indices = indicesBetween(null, null, names.length);
  return [...names].map((id, i) => ({ id, index: indices[i]! }));
}

/** The stack after the move, as letters bottom to top, and which shapes got a new index. */
function move(shapes: readonly Ordered[], ids: string, direction: ReorderDirection) {
  const moved = reorderedIndices(shapes, new Set(ids), direction);
  const after = shapes.map((shape) => ({ ...shape, index: moved.get(shape.id) ?? shape.index })).sort(compareZOrder);
  return { order: after.map((shape) => shape.id).join(''), moved: [...moved.keys()].sort().join('') };
}

describe('reorderedIndices', () => {
  const abcde = stack('abcde');

  it('brings to front and sends to back as a block, keeping the selection order', () => {
    expect(move(abcde, 'b', 'front')).toEqual({ order: 'acdeb', moved: 'b' });
    expect(move(abcde, 'db', 'front')).toEqual({ order: 'acebd', moved: 'bd' });
    expect(move(abcde, 'd', 'back')).toEqual({ order: 'dabce', moved: 'd' });
    expect(move(abcde, 'eb', 'back')).toEqual({ order: 'beacd', moved: 'be' });
  });

  it('moves nothing that is already there', () => {
    expect(move(abcde, 'de', 'front')).toEqual({ order: 'abcde', moved: '' });
    expect(move(abcde, 'ab', 'back')).toEqual({ order: 'abcde', moved: '' });
    expect(move(abcde, 'e', 'forward')).toEqual({ order: 'abcde', moved: '' });
    expect(move(abcde, 'a', 'backward')).toEqual({ order: 'abcde', moved: '' });
    expect(move(abcde, 'x', 'front')).toEqual({ order: 'abcde', moved: '' });
    expect(move([], 'a', 'forward')).toEqual({ order: '', moved: '' });
  });

  it('brings forward one step past the next shape', () => {
    expect(move(abcde, 'b', 'forward')).toEqual({ order: 'acbde', moved: 'b' });
    expect(move(abcde, 'bc', 'forward')).toEqual({ order: 'adbce', moved: 'bc' });
    expect(move(abcde, 'bd', 'forward')).toEqual({ order: 'acbed', moved: 'bd' });
    // e is at the top and holds d under it.
    expect(move(abcde, 'de', 'forward')).toEqual({ order: 'abcde', moved: '' });
    expect(move(abcde, 'be', 'forward')).toEqual({ order: 'acbde', moved: 'b' });
  });

  it('sends backward one step under the previous shape', () => {
    expect(move(abcde, 'd', 'backward')).toEqual({ order: 'abdce', moved: 'd' });
    expect(move(abcde, 'cd', 'backward')).toEqual({ order: 'acdbe', moved: 'cd' });
    expect(move(abcde, 'ad', 'backward')).toEqual({ order: 'abdce', moved: 'd' });
  });

  it('hops over shapes whose indices tie (concurrent inserts), as no key fits between them', () => {
    const tied = [
      { id: 'a', index: 'a0' },
      { id: 'b', index: 'a1' },
      { id: 'c', index: 'a1' },
      { id: 'd', index: 'a2' },
    ];
    expect(move(tied, 'a', 'forward')).toEqual({ order: 'bcad', moved: 'a' });
    expect(move(tied, 'd', 'backward')).toEqual({ order: 'adbc', moved: 'd' });
    // Within a tie the id decides; moving past the tied neighbour gives a key above the whole tie.
    expect(move(tied, 'b', 'forward')).toEqual({ order: 'acbd', moved: 'b' });
    expect(move(tied, 'c', 'backward')).toEqual({ order: 'acbd', moved: 'c' });
  });
});
