/**
 * Z-order keys (docs/ARCHITECTURE.md#board-model). Every shape carries a fractional `index` string;
 * shapes draw in ascending (index, id) order, so moving one shape rewrites one
 * key instead of reordering an array, and two users reordering at once never
 * conflict: at worst their keys tie, and the id breaks the tie the same way on
 * every peer.
 *
 * Keys come from `fractional-indexing` (base 62, "a0", "a1", "a0V", ...). They
 * sort by plain UTF-16 code-unit comparison, never `localeCompare`, which
 * would order "a" and "B" by language rules instead.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

const KEY_CHARACTERS = /^[A-Za-z][0-9A-Za-z]*$/;

/**
 * A key strictly between `before` and `after` (null: the start or the end).
 * Throws a RangeError when `before` is not below `after`: the library would
 * silently swap them, which hides the caller's bug.
 */
export function indexBetween(before: string | null, after: string | null): string {
  checkBounds(before, after);
  return generateKeyBetween(before, after);
}

/** `count` ascending keys strictly between `before` and `after`. */
export function indicesBetween(before: string | null, after: string | null, count: number): string[] {
  checkBounds(before, after);
  return generateNKeysBetween(before, after, count);
}

export function compareIndex(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Draw order of shapes: by index, ties (concurrent inserts at one spot) by id. */
export function compareZOrder(a: { index: string; id: string }, b: { index: string; id: string }): number {
  return compareIndex(a.index, b.index) || compareIndex(a.id, b.id);
}

/**
 * Whether `key` is a key the library can build on. A remote peer or a file can
 * hold any string; one the library rejects would make every later insert next
 * to it throw, so the shape schema refuses it up front.
 */
export function isValidIndex(key: string): boolean {
  // The library does not check the alphabet (an unknown character reads as 0).
  if (!KEY_CHARACTERS.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

function checkBounds(before: string | null, after: string | null): void {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`no index between ${JSON.stringify(before)} and ${JSON.stringify(after)}: not ascending`);
  }
}
