/**
 * Per-shape results the painter would otherwise recompute every frame.
 * BoardDoc hands out frozen shapes and keeps an unchanged shape's identity
 * across transactions, so a WeakMap keyed by the shape object is exact: an
 * edited shape is a new object, and a deleted one is collected.
 */
import { type Box, type DraftShape, shapeBounds } from '../../shapes';

const bounds = new WeakMap<DraftShape, Box>();

export function cachedBounds(shape: DraftShape): Box {
  let box = bounds.get(shape);
  if (!box) {
    box = shapeBounds(shape);
    bounds.set(shape, box);
  }
  return box;
}

/** A value computed once per shape object, e.g. a Path2D or wrapped text lines. */
export function memoByShape<T>(compute: (shape: DraftShape) => T): (shape: DraftShape) => T {
  const cache = new WeakMap<DraftShape, T>();
  return (shape) => {
    let value = cache.get(shape);
    if (value === undefined) {
      value = compute(shape);
      cache.set(shape, value);
    }
    return value;
  };
}
