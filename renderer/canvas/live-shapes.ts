/**
 * The board's shapes in a spatial index kept current from the doc's change
 * events (docs/ARCHITECTURE.md#canvas): a transaction that changed k shapes
 * costs k index updates, not a pass over the board. The static layer paints
 * from it (culling and the dirty regions), the select tool hit-tests and
 * marquees through it, the eraser finds what it crosses. One per open board,
 * built and destroyed with the board session.
 */
import type { Shape } from '../../shared/model';
import type { BoardDoc } from '../doc';
import { drawOrder } from '../frames/frame-order';
import { ShapeIndex, type ShapeIndexOptions } from './spatial-index';

/** A transaction touching more shapes than this (a file opened, a join's backlog) re-syncs the whole board at once. */
const BULK_CHANGES = 2_000;

export class LiveShapes {
  readonly index: ShapeIndex;
  private readonly unobserve: () => void;

  constructor(
    private readonly board: BoardDoc,
    options: ShapeIndexOptions = {},
  ) {
    this.index = new ShapeIndex(options);
    this.index.sync(drawOrder(board.all()));
    this.unobserve = board.observe((ids) => this.changed(ids));
  }

  /** Bumped by every change of the board's shapes (and re-measure). */
  get version(): number {
    return this.index.version;
  }

  get count(): number {
    return this.index.size;
  }

  destroy(): void {
    this.unobserve();
  }

  private changed(ids: ReadonlySet<string>): void {
    if (ids.size > BULK_CHANGES) {
      this.index.sync(drawOrder(this.board.all()));
      return;
    }
    const changes: [string, Shape | undefined][] = [];
    for (const id of ids) changes.push([id, this.board.get(id)]);
    this.index.apply(changes);
  }
}
