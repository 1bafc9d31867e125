/**
 * The one API for changing a board (docs/ARCHITECTURE.md#board-model). Tools, actions, paste and
 * import all go through it; nothing else writes the shapes map.
 *
 * - Reads are validated (see ShapeReader): callers only ever see valid,
 *   frozen shapes, in z-order from `all()`.
 * - Writes are validated before anything touches the doc. A call either
 *   applies whole or throws and changes nothing.
 * - Each top-level call is one Yjs transaction with origin LOCAL_ORIGIN, so
 *   one undo step and one update to the relay. `transact` groups several
 *   calls into one: they are staged (later calls in it read what earlier ones
 *   wrote) and applied when it returns, or dropped if it throws, since a Yjs
 *   transaction cannot be rolled back once written.
 * - An update keeps fields this version does not know, so a shape written by
 *   a newer client survives being moved by an older one.
 */
import type * as Y from 'yjs';
import { compareIndex, compareZOrder, indicesBetween, newShapeId, parseShape, type Shape } from '../../shared/model';
import { LOCAL_ORIGIN, shapesMap } from './doc-layout';
import { ConnectorReads, freedEnds } from './connector-reads';
import { jsonEqual } from './json-equal';
import { reorderedIndices, type ReorderDirection } from './reorder';
import { type InvalidShapeListener, ShapeReader } from './shape-reader';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A shape to create; without `index` it goes on top. */
export type ShapeInput = DistributiveOmit<Shape, 'index'> & { index?: string };

/**
 * Fields to replace, shallowly (a `style` in the patch replaces the whole
 * style). `undefined` removes an optional field, e.g. `{ groupId: undefined }`.
 */
export type ShapePatch = Partial<DistributiveOmit<Shape, 'id' | 'type'>>;

export type ShapesListener = (changedIds: Set<string>) => void;

export interface BoardDocOptions {
  /** A stored value failed the shape schema and is skipped; called once per id and value. */
  onInvalidShape?: InvalidShapeListener;
}

const REMOVED = Symbol('removed');
type Staged = Map<string, object | typeof REMOVED>;

export class BoardDoc {
  private readonly shapes: Y.Map<unknown>;
  private readonly reader: ShapeReader;
  private readonly connectors = new ConnectorReads();
  private readonly listeners = new Set<ShapesListener>();
  /** Writes of the `transact` in progress; null outside one. */
  private staged: Staged | null = null;
  /** False while this person is a viewer: the relay would refuse what is written (FORBIDDEN). */
  private writable = true;

  constructor(
    readonly doc: Y.Doc,
    options: BoardDocOptions = {},
  ) {
    this.shapes = shapesMap(doc);
    this.reader = new ShapeReader(options.onInvalidShape ?? (() => undefined));
    this.shapes.observe(this.onShapesChanged);
  }

  /** The valid shape `id` as drawn: a bound connector end follows its target (connector-reads.ts). */
  get(id: string): Shape | undefined {
    const shape = this.readStored(id);
    return shape && this.connectors.read(shape, this.readStored);
  }

  /** The valid shape as stored, before connector ends are derived. */
  private readonly readStored = (id: string): Shape | undefined => this.reader.read(id, this.stored(id));

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Every valid shape, bottom to top. */
  all(): Shape[] {
    const shapes: Shape[] = [];
    for (const id of this.ids()) {
      const shape = this.get(id);
      if (shape) shapes.push(shape);
    }
    return shapes.sort(compareZOrder);
  }

  /** Adds shapes; those without an index go on top, in the order given. Throws on an invalid shape or a taken id. */
  create(input: ShapeInput): Shape;
  create(inputs: readonly ShapeInput[]): Shape[];
  create(input: ShapeInput | readonly ShapeInput[]): Shape | Shape[] {
    const inputs: readonly ShapeInput[] = isList(input) ? input : [input];
    const created = this.transact(() => {
      const unindexed = inputs.filter((shape) => shape.index === undefined).length;
      const topIndices = unindexed > 0 ? indicesBetween(this.topIndex(), null, unindexed) : [];
      const ids = new Set<string>();
      const shapes = inputs.map((shape) => {
        const result = parseShape(shape.index === undefined ? { ...shape, index: topIndices.shift() } : shape);
        if (!result.ok) throw new Error(`cannot create shape ${describeId(shape.id)}: ${result.error}`);
        const { id } = result.shape;
        if (ids.has(id) || this.stored(id) !== undefined) throw new Error(`cannot create shape "${id}": id is taken`);
        ids.add(id);
        return result.shape;
      });
      for (const shape of shapes) this.stage(shape.id, shape);
      return shapes.map((shape) => this.get(shape.id) ?? shape); // the frozen copies every reader gets
    });
    return isList(input) ? created : (created[0] as Shape);
  }

  /**
   * Merges `patch` into the shape and validates the result. Returns false,
   * changing nothing, when there is no valid shape `id`; throws when the
   * result would be invalid.
   */
  update(id: string, patch: ShapePatch): boolean {
    return this.transact(() => {
      const stored = this.stored(id);
      const current = this.reader.read(id, stored);
      if (!current || typeof stored !== 'object' || stored === null) return false;
      const fields = patch as Partial<Record<string, unknown>>;
      if (fields.id !== undefined && fields.id !== id) throw new Error(`cannot update shape "${id}": id cannot change`);
      if (fields.type !== undefined && fields.type !== current.type) {
        throw new Error(`cannot update shape "${id}": type cannot change`);
      }
      const result = parseShape(withoutUndefined({ ...current, ...patch, id }));
      if (!result.ok) throw new Error(`cannot update shape "${id}": ${result.error}`);
      this.stage(id, { ...fieldsUnknownTo(current, stored), ...result.shape });
      return true;
    });
  }

  /**
   * Removes shapes, invalid ones included; returns how many were there.
   * Connector ends bound to them are freed where they are drawn now.
   */
  delete(ids: string | readonly string[]): number {
    return this.transact(() => {
      const deleted = new Set(typeof ids === 'string' ? [ids] : ids);
      const freed = freedEnds(this.all(), deleted);
      let removed = 0;
      for (const id of deleted) {
        if (this.stored(id) === undefined) continue;
        this.stage(id, REMOVED);
        removed++;
      }
      for (const { id, patch } of freed) this.update(id, patch);
      return removed;
    });
  }

  /** Moves shapes in z-order (see reorder.ts); returns how many got a new index. */
  reorder(ids: string | readonly string[], direction: ReorderDirection): number {
    return this.transact(() => {
      const moves = reorderedIndices(this.all(), new Set(typeof ids === 'string' ? [ids] : ids), direction);
      for (const [id, index] of moves) this.update(id, { index });
      return moves.size;
    });
  }

  /**
   * Runs `fn` as one change: one Yjs transaction, one undo step. If `fn`
   * throws, none of its writes happen. `fn` must be synchronous: writes
   * after an `await` would land outside the transaction. Nested calls join
   * the outer one.
   */
  transact<T>(fn: () => T): T {
    if (this.staged) return fn();
    const staged: Staged = new Map();
    this.staged = staged;
    let result: T;
    try {
      result = fn();
    } finally {
      this.staged = null;
    }
    this.commit(staged);
    return result;
  }

  /** A fresh random shape id (16 url-safe characters). */
  newId(): string {
    return newShapeId();
  }

  /**
   * Calls `listener` once per transaction that changed shapes, local or
   * remote, with the ids added, updated or deleted. Returns the unsubscribe.
   */
  observe(listener: ShapesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.shapes.unobserve(this.onShapesChanged);
    this.listeners.clear();
  }

  /** The raw value under `id`, staged writes first. */
  private stored(id: string): unknown {
    const staged = this.staged?.get(id);
    if (staged === REMOVED) return undefined;
    return staged ?? this.shapes.get(id);
  }

  /** The highest index of a valid shape; null on an empty board. */
  private topIndex(): string | null {
    let top: string | null = null;
    for (const id of this.ids()) {
      const index = this.get(id)?.index;
      if (index !== undefined && (top === null || compareIndex(index, top) > 0)) top = index;
    }
    return top;
  }

  private ids(): Set<string> {
    const ids = new Set(this.shapes.keys());
    for (const [id, value] of this.staged ?? []) {
      if (value === REMOVED) ids.delete(id);
      else ids.add(id);
    }
    return ids;
  }

  /**
   * Viewers write nothing: the UI offers them no way to, and this is the
   * backstop, so a missed path fails here instead of leaving a local change
   * the relay will never take.
   */
  setWritable(writable: boolean): void {
    this.writable = writable;
  }

  get isWritable(): boolean {
    return this.writable;
  }

  private stage(id: string, value: object | typeof REMOVED): void {
    if (!this.staged) throw new Error('BoardDoc: write outside transact'); // every public write wraps itself in one
    if (!this.writable) throw new Error('BoardDoc: view only; this board cannot be changed from here');
    this.staged.set(id, value);
  }

  private commit(staged: Staged): void {
    const writes = [...staged].filter(([id, value]) =>
      value === REMOVED ? this.shapes.has(id) : !jsonEqual(value, this.shapes.get(id)),
    );
    if (writes.length === 0) return;
    this.doc.transact(() => {
      for (const [id, value] of writes) {
        if (value === REMOVED) this.shapes.delete(id);
        else this.shapes.set(id, value);
      }
    }, LOCAL_ORIGIN);
  }

  private readonly onShapesChanged = (event: Y.YMapEvent<unknown>): void => {
    for (const id of event.keysChanged) {
      if (this.shapes.has(id)) continue;
      this.reader.forget(id);
      this.connectors.forget(id);
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(new Set(event.keysChanged));
      } catch (error) {
        // A throwing view must not stop the others, nor abort the Yjs transaction
        // (or a sync provider's applyUpdate) that is notifying it. Surface it unhandled.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
}

function isList(input: ShapeInput | readonly ShapeInput[]): input is readonly ShapeInput[] {
  return Array.isArray(input);
}

function describeId(id: unknown): string {
  return typeof id === 'string' ? JSON.stringify(id) : '(without an id)';
}

/** Fields of the stored value that the schema dropped when parsing it: a newer client's, kept as they were. */
function fieldsUnknownTo(shape: Shape, stored: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !Object.hasOwn(shape, key)));
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
