/**
 * Z-order moves as new fractional indices for the moved shapes only; every
 * other shape keeps its key, so a reorder touches as little of the doc as it
 * can and merges with what others change at the same time.
 *
 * Selected shapes move as a block and keep their order among themselves:
 * bringing [b, c] forward over d in [a, b, c, d, e] gives [a, d, b, c, e].
 * A selected shape that cannot move (already at the top for `forward`) holds
 * back the selected shapes behind it, rather than jumping over them.
 */
import { indexBetween, indicesBetween } from '../../shared/model';

export type ReorderDirection = 'front' | 'back' | 'forward' | 'backward';

export interface Ordered {
  id: string;
  index: string;
}

/**
 * `sorted`: every shape in z-order (ascending index, then id). Returns the
 * new index of each shape that moves; the ones already in place are left out.
 */
export function reorderedIndices(
  sorted: readonly Ordered[],
  ids: ReadonlySet<string>,
  direction: ReorderDirection,
): Map<string, string> {
  switch (direction) {
    case 'front':
      return toFront(sorted, ids);
    case 'back':
      return toBack(sorted, ids);
    case 'forward':
      return forward(sorted, ids);
    case 'backward':
      return backward(sorted, ids);
  }
}

function toFront(sorted: readonly Ordered[], ids: ReadonlySet<string>): Map<string, string> {
  const moving = sorted.filter((shape) => ids.has(shape.id));
  const top = sorted.at(-1);
  if (!top || isRun(sorted.slice(sorted.length - moving.length), moving)) return new Map();
  return zip(moving, indicesBetween(top.index, null, moving.length));
}

function toBack(sorted: readonly Ordered[], ids: ReadonlySet<string>): Map<string, string> {
  const moving = sorted.filter((shape) => ids.has(shape.id));
  const bottom = sorted[0];
  if (!bottom || isRun(sorted.slice(0, moving.length), moving)) return new Map();
  return zip(moving, indicesBetween(null, bottom.index, moving.length));
}

/** Each selected shape hops over the next unselected shape above it, topmost first. */
function forward(sorted: readonly Ordered[], ids: ReadonlySet<string>): Map<string, string> {
  const order = sorted.map((shape) => ({ ...shape }));
  const moved = new Map<string, string>();
  for (let i = order.length - 2; i >= 0; i--) {
    const shape = order[i];
    const next = order[i + 1];
    if (!shape || !next || !ids.has(shape.id) || ids.has(next.id)) continue;
    // Shapes tied with `next` (same key, ordered by id) get hopped over too: no key fits between them.
    let last = i + 1;
    while (order[last + 1]?.index === next.index) last++;
    shape.index = indexBetween(next.index, order[last + 1]?.index ?? null);
    moved.set(shape.id, shape.index);
    order.splice(i, 1);
    order.splice(last, 0, shape);
  }
  return moved;
}

/** Each selected shape hops under the next unselected shape below it, bottommost first. */
function backward(sorted: readonly Ordered[], ids: ReadonlySet<string>): Map<string, string> {
  const order = sorted.map((shape) => ({ ...shape }));
  const moved = new Map<string, string>();
  for (let i = 1; i < order.length; i++) {
    const shape = order[i];
    const previous = order[i - 1];
    if (!shape || !previous || !ids.has(shape.id) || ids.has(previous.id)) continue;
    let first = i - 1;
    while (first > 0 && order[first - 1]?.index === previous.index) first--;
    shape.index = indexBetween(order[first - 1]?.index ?? null, previous.index);
    moved.set(shape.id, shape.index);
    order.splice(i, 1);
    order.splice(first, 0, shape);
  }
  return moved;
}

/** Whether `slice` is exactly the shapes of `moving`, in the same order. */
function isRun(slice: readonly Ordered[], moving: readonly Ordered[]): boolean {
  return slice.length === moving.length && slice.every((shape, i) => shape.id === moving[i]?.id);
}

function zip(shapes: readonly Ordered[], indices: readonly string[]): Map<string, string> {
  return new Map(shapes.map((shape, i) => [shape.id, indices[i] ?? shape.index]));
}
