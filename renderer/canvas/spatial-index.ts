/**
 * An R-tree (rbush) over the board's shapes, so culling a view, hit-testing a
 * point, a marquee and the eraser cost what they touch rather than a pass over
 * every shape (issue 16: a 50,000-shape board spent its frames on such passes).
 *
 * Two ways to keep it current: `sync` takes the whole board in z-order and
 * updates the tree by the difference (BoardDoc keeps an unchanged shape's
 * object identity, so only new, edited and deleted shapes touch the tree; the
 * first sync bulk-loads); `apply` takes just the shapes a transaction changed
 * (live-shapes.ts feeds it from the doc), which costs what the edit touched.
 * Every change records the old and new bounds of what it touched in a
 * DirtyLog, so the scene cache repaints those regions only.
 *
 * Queries answer in draw order (bottom first: frames below the rest, then
 * z-order, as frames/frame-order.ts says), hits topmost first. The order is
 * a rank per entry; a shape added on top takes the next rank, anything else
 * that reorders (a shape inserted below the top, an index changed) re-ranks
 * lazily, at the next query.
 */
import RBush from 'rbush';
import { compareZOrder, type Shape } from '../../shared/model';
import { compareDrawOrder } from '../frames/frame-order';
import type { Box, DraftOf, Point } from '../shapes';
import { DirtyLog } from './paint/dirty-log';
import { paintedBounds } from './paint/painted-bounds';

export interface ShapeIndexOptions {
  /** The board box a shape paints into; by default paint/painted-bounds.ts (cached per shape object). */
  boundsOf?: (shape: Shape) => Box;
  /**
   * Shapes whose painting derives from `id`'s (an arrow bound to it): when `id`
   * changes they are re-measured and their old and new bounds repainted too,
   * though their own objects did not change.
   */
  dependentsOf?: (id: string) => Iterable<string>;
}

/** The part of the index the tools and the scene cache read. */
export interface ShapeQueries {
  /** Shapes whose bounds meet `box`, bottom first. */
  query(box: Box): Shape[];
  /** Shapes whose bounds come within `tolerance` of `point`, topmost first. */
  at(point: Point, tolerance?: number): Shape[];
}

interface Entry extends Box {
  shape: Shape;
  /** Position in the z-order; gaps allowed, only the order counts. */
  rank: number;
  /** The sync that last saw this shape (entries not seen in a sync were deleted). */
  seen: number;
}

export class ShapeIndex implements ShapeQueries {
  private readonly tree = new RBush<Entry>();
  private readonly entries = new Map<string, Entry>();
  private readonly frameShapes = new Map<string, DraftOf<'frame'>>();
  private readonly log = new DirtyLog();
  private synced: readonly Shape[] | null = null;
  private generation = 0;
  /** The highest shape ranked so far (it may have been deleted since): a new shape above it ranks on top. */
  private top: Shape | null = null;
  private topRank = -1;
  private ranksStale = false;
  private readonly boundsOf: (shape: Shape) => Box;

  constructor(private readonly options: ShapeIndexOptions = {}) {
    this.boundsOf = options.boundsOf ?? paintedBounds;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The board's frames by id (a shape a frame holds is painted clipped to it). */
  get frames(): ReadonlyMap<string, DraftOf<'frame'>> {
    return this.frameShapes;
  }

  /** Bumped by every change that touched a shape. */
  get version(): number {
    return this.log.version;
  }

  /** Brings the tree to `shapes` (the whole board, in draw order: frames/frame-order.ts's drawOrder). */
  sync(shapes: readonly Shape[]): void {
    if (shapes === this.synced) return;
    this.synced = shapes;
    const generation = ++this.generation;
    this.log.bump();
    if (this.entries.size === 0) return this.load(shapes, generation);
    const touched = new Set<string>();
    shapes.forEach((shape, rank) => {
      const entry = this.entries.get(shape.id);
      if (!entry) {
        this.insert(shape, rank, generation);
        touched.add(shape.id);
        return;
      }
      entry.rank = rank;
      entry.seen = generation;
      if (entry.shape === shape) return;
      this.replace(entry, shape);
      touched.add(shape.id);
    });
    for (const [id, entry] of this.entries) {
      if (entry.seen === generation) continue;
      this.delete(entry);
      touched.add(id);
    }
    this.setTop(shapes.at(-1) ?? null, shapes.length - 1);
    this.ranksStale = false;
    this.remeasureDependents(touched);
  }

  /** Applies one transaction's changes: each id with its shape now, or undefined when it was deleted. */
  apply(changes: Iterable<readonly [string, Shape | undefined]>): void {
    this.synced = null;
    this.log.bump();
    const touched = new Set<string>();
    for (const [id, shape] of changes) {
      const entry = this.entries.get(id);
      if (entry && shape) {
        if (entry.shape === shape) continue;
        if (compareZOrder(entry.shape, shape) !== 0) this.reorder(entry, shape);
        this.replace(entry, shape);
      } else if (entry) {
        this.delete(entry);
      } else if (shape) {
        this.insertRanked(shape);
      } else {
        continue;
      }
      touched.add(id);
    }
    this.remeasureDependents(touched);
  }

  /** Shapes whose bounds changed though their objects did not (what they derive from changed): re-measured and repainted. */
  invalidate(ids: Iterable<string>): void {
    this.log.bump();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) this.remeasure(entry);
    }
  }

  /** The regions changed after `version` (old and new bounds); null: repaint everything. */
  dirtySince(version: number): Box[] | null {
    return this.log.since(version);
  }

  /** Where `id` paints now, if it is on the board. */
  boxOf(id: string): Box | undefined {
    const entry = this.entries.get(id);
    return entry && { minX: entry.minX, minY: entry.minY, maxX: entry.maxX, maxY: entry.maxY };
  }

  query(box: Box): Shape[] {
    return this.ordered(this.tree.search(box));
  }

  /** Shapes whose bounds meet any of `boxes`, each once, bottom first. */
  queryAll(boxes: readonly Box[]): Shape[] {
    if (boxes.length === 1 && boxes[0]) return this.query(boxes[0]);
    const found = new Set<Entry>();
    for (const box of boxes) for (const entry of this.tree.search(box)) found.add(entry);
    return this.ordered([...found]);
  }

  at(point: Point, tolerance = 0): Shape[] {
    const around = {
      minX: point.x - tolerance,
      minY: point.y - tolerance,
      maxX: point.x + tolerance,
      maxY: point.y + tolerance,
    };
    return this.query(around).reverse();
  }

  private ordered(found: Entry[]): Shape[] {
    if (this.ranksStale) this.rerank();
    return found.sort((a, b) => a.rank - b.rank).map((entry) => entry.shape);
  }

  private load(shapes: readonly Shape[], generation: number): void {
    const loaded = shapes.map((shape, rank) => this.entryOf(shape, rank, generation));
    for (const entry of loaded) {
      this.entries.set(entry.shape.id, entry);
      this.noteFrame(entry.shape);
    }
    this.tree.load(loaded);
    this.setTop(shapes.at(-1) ?? null, shapes.length - 1);
    this.log.addEverything();
  }

  private insert(shape: Shape, rank: number, generation: number): Entry {
    const entry = this.entryOf(shape, rank, generation);
    this.entries.set(shape.id, entry);
    this.noteFrame(shape);
    this.tree.insert(entry);
    this.log.add(copyBox(entry));
    return entry;
  }

  /** A shape added on top takes the next rank; one added anywhere else re-ranks everything at the next query. */
  private insertRanked(shape: Shape): void {
    const onTop = !this.top || compareDrawOrder(shape, this.top) > 0;
    if (onTop) this.setTop(shape, this.topRank + 1);
    else this.ranksStale = true;
    this.insert(shape, this.topRank, this.generation);
  }

  /** Brought to the front: the next rank on top; moved anywhere else: re-ranked at the next query. */
  private reorder(entry: Entry, shape: Shape): void {
    if (this.top && compareDrawOrder(shape, this.top) > 0) {
      this.setTop(shape, this.topRank + 1);
      entry.rank = this.topRank;
    } else {
      this.ranksStale = true;
    }
  }

  private replace(entry: Entry, shape: Shape): void {
    entry.shape = shape;
    this.noteFrame(shape);
    this.remeasure(entry);
  }

  private noteFrame(shape: Shape): void {
    if (shape.type === 'frame') this.frameShapes.set(shape.id, shape);
  }

  /** Moves the entry to its shape's bounds now, recording both the old and the new as dirty. */
  private remeasure(entry: Entry): void {
    const box = this.boundsOf(entry.shape);
    this.log.add(copyBox(entry));
    if (!sameBox(entry, box)) {
      this.tree.remove(entry);
      Object.assign(entry, copyBox(box));
      this.tree.insert(entry);
    }
    this.log.add(copyBox(box));
  }

  private delete(entry: Entry): void {
    this.log.add(copyBox(entry));
    this.tree.remove(entry);
    this.entries.delete(entry.shape.id);
    this.frameShapes.delete(entry.shape.id);
  }

  private remeasureDependents(changed: ReadonlySet<string>): void {
    const dependentsOf = this.options.dependentsOf;
    if (!dependentsOf) return;
    const done = new Set<string>();
    for (const id of changed) {
      for (const dependent of dependentsOf(id)) {
        if (changed.has(dependent) || done.has(dependent)) continue;
        done.add(dependent);
        const entry = this.entries.get(dependent);
        if (entry) this.remeasure(entry);
      }
    }
  }

  private rerank(): void {
    const all = [...this.entries.values()].sort((a, b) => compareDrawOrder(a.shape, b.shape));
    all.forEach((entry, rank) => (entry.rank = rank));
    this.setTop(all.at(-1)?.shape ?? null, all.length - 1);
    this.ranksStale = false;
  }

  private setTop(shape: Shape | null, rank: number): void {
    this.top = shape;
    this.topRank = Math.max(rank, -1);
  }

  private entryOf(shape: Shape, rank: number, generation: number): Entry {
    return { ...copyBox(this.boundsOf(shape)), shape, rank, seen: generation };
  }
}

function copyBox({ minX, minY, maxX, maxY }: Box): Box {
  return { minX, minY, maxX, maxY };
}

function sameBox(a: Box, b: Box): boolean {
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}
