import { describe, expect, it } from 'vitest';
import { compareIndex, compareZOrder, indexBetween, indicesBetween, isValidIndex } from './fractional-index';

/** A deterministic pseudo-random sequence, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const isStrictlyAscending = (keys: readonly string[]) =>
  keys.every((key, i) => i === 0 || compareIndex(keys[i - 1]!, key) < 0);

describe('fractional index keys', () => {
  it('makes a first key, then keys at the start, at the end and between any two', () => {
    const first = indexBetween(null, null);
    const start = indexBetween(null, first);
    const end = indexBetween(first, null);
    expect(isStrictlyAscending([start, first, end])).toBe(true);
    const middle = indexBetween(start, first);
    expect(isStrictlyAscending([start, middle, first])).toBe(true);
  });

  it('keeps many keys sorted and unique under random inserts', () => {
    const random = seeded(7);
    const keys = [indexBetween(null, null)];
    for (let i = 0; i < 2_000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const key = indexBetween(keys[at - 1] ?? null, keys[at] ?? null);
      keys.splice(at, 0, key);
    }
    expect(isStrictlyAscending(keys)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(isValidIndex)).toBe(true);
  });

  it('stays short when always inserting at the end (new shapes go on top)', () => {
    let key = indexBetween(null, null);
    for (let i = 0; i < 10_000; i++) key = indexBetween(key, null);
    expect(key.length).toBeLessThanOrEqual(4);
  });

  it('makes n ascending keys between two keys, at the start and at the end', () => {
    const [low, high] = indicesBetween(null, null, 2) as [string, string];
    for (const [before, after] of [
      [null, low],
      [low, high],
      [high, null],
    ] as const) {
      const keys = indicesBetween(before, after, 50);
      expect(keys).toHaveLength(50);
      expect(isStrictlyAscending([...(before ? [before] : []), ...keys, ...(after ? [after] : [])])).toBe(true);
    }
    expect(indicesBetween(low, high, 0)).toEqual([]);
  });

  it('refuses bounds that are not ascending instead of silently swapping them', () => {
    expect(() => indexBetween('a1', 'a0')).toThrow(RangeError);
    expect(() => indexBetween('a1', 'a1')).toThrow(RangeError);
    expect(() => indicesBetween('a1', 'a0', 2)).toThrow(RangeError);
  });

  it('compares by code units (uppercase sorts before lowercase), and breaks ties by id', () => {
    expect(compareIndex('Zz', 'a0')).toBeLessThan(0);
    expect(compareIndex('a0', 'a0')).toBe(0);
    expect(compareIndex('a0V', 'a1')).toBeLessThan(0);
    const shapes = [
      { id: 'b', index: 'a1' },
      { id: 'a', index: 'a1' },
      { id: 'c', index: 'a0' },
    ];
    expect(shapes.sort(compareZOrder).map((shape) => shape.id)).toEqual(['c', 'a', 'b']);
  });

  it('tells keys the library can build on from other strings', () => {
    for (const key of ['a0', 'a1', 'a0V', 'Zz', 'b12', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzV'])
      expect(isValidIndex(key), key).toBe(true);
    for (const key of ['', 'a', 'a00', 'a10', 'b1', '0a', 'a!', 'a 1', 'é0', 'A' + '0'.repeat(26)])
      expect(isValidIndex(key), key).toBe(false);
  });
});
