/**
 * An R-tree (rbush) over the board's shapes, so culling a view, hit-testing a
 * point and a marquee cost what they touch rather than a pass over every
 * shape (issue 16: a 50,000-shape board spent its frames on such passes).
 *
 * `sync` takes the doc's shapes in z-order after each change and updates the
 * tree by the difference: BoardDoc keeps an unchanged shape's object identity
 * across transactions (shape-cache.ts relies on the same), so only new, edited
 * and deleted shapes touch the tree; the first sync of a big board bulk-loads.
 * Queries answer in z-order (bottom first), hits topmost first.
 */
import RBush from 'rbush';
import type { Box, DraftShape, Point } from '../shapes';
import { cachedBounds } from './paint/shape-cache';

interface Entry extends Box {
  shape: DraftShape;
  /** Position in the z-order of the last sync. */
  rank: number;
  /** The sync that last saw this shape (entries not seen in a sync were deleted). */
  seen: number;
}

export class ShapeIndex {
  private readonly tree = new RBush<Entry>();
  private readonly entries = new Map<string, Entry>();
  private synced: readonly DraftShape[] | null = null;
  private generation = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Brings the tree to `shapes` (the whole board, in z-order). */
  sync(shapes: readonly DraftShape[]): void {
    if (shapes === this.synced) return;
    this.synced = shapes;
    const generation = ++this.generation;
    if (this.entries.size === 0) return this.load(shapes, generation);
    shapes.forEach((shape, rank) => {
      const entry = this.entries.get(shape.id);
      if (!entry) return this.insert(shape, rank, generation);
      entry.rank = rank;
      entry.seen = generation;
      if (entry.shape === shape) return;
      const box = cachedBounds(shape);
      entry.shape = shape;
      if (sameBox(entry, box)) return;
      this.tree.remove(entry);
      Object.assign(entry, copyBox(box));
      this.tree.insert(entry);
    });
    for (const [id, entry] of this.entries) {
      if (entry.seen === generation) continue;
      this.tree.remove(entry);
      this.entries.delete(id);
    }
  }

  /** Shapes whose bounds meet `box`, bottom first. */
  query(box: Box): DraftShape[] {
    return this.tree
      .search(box)
      .sort((a, b) => a.rank - b.rank)
      .map((entry) => entry.shape);
  }

  /** Shapes whose bounds come within `tolerance` of `point`, topmost first: the candidates for a precise hit test. */
  at(point: Point, tolerance = 0): DraftShape[] {
    const around = {
      minX: point.x - tolerance,
      minY: point.y - tolerance,
      maxX: point.x + tolerance,
      maxY: point.y + tolerance,
    };
    return this.query(around).reverse();
  }

  private load(shapes: readonly DraftShape[], generation: number): void {
    const loaded = shapes.map((shape, rank) => this.entryOf(shape, rank, generation));
    for (const entry of loaded) this.entries.set(entry.shape.id, entry);
    this.tree.load(loaded);
  }

  private insert(shape: DraftShape, rank: number, generation: number): void {
    const entry = this.entryOf(shape, rank, generation);
    this.entries.set(shape.id, entry);
    this.tree.insert(entry);
  }

  private entryOf(shape: DraftShape, rank: number, generation: number): Entry {
    return { ...copyBox(cachedBounds(shape)), shape, rank, seen: generation };
  }
}

function copyBox({ minX, minY, maxX, maxY }: Box): Box {
  return { minX, minY, maxX, maxY };
}

function sameBox(a: Box, b: Box): boolean {
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}
