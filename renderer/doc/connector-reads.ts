/**
 * Connectors as BoardDoc hands them out (docs/ARCHITECTURE.md#board-model): a line or arrow with
 * a bound end or an elbow route is read with its path derived from its
 * targets as they are now (shapes/connectors/). Nothing is written when a
 * target moves, so one person moving a box while another re-aims its arrow
 * never write the same key, and every client derives the same drawing.
 *
 * Reads keep object identity while nothing they depend on changed (the
 * connector's stored value and its targets'), as the canvas caches and the
 * spatial index expect: a target that moves makes a new connector object, so
 * its bounds and index entry follow.
 */
import type { Shape, ShapeOfType } from '../../shared/model';
import { boundIds, isConnector, isDerived, resolveConnector, type ShapeLookup } from '../shapes/connectors';
import type { ShapePatch } from './board-doc';

/** The connector fields a patch may set (undefined removes a binding). */
export type ConnectorPatch = Partial<Pick<ShapeOfType<'arrow'>, 'points' | 'startBinding' | 'endBinding' | 'route'>>;

interface Resolved {
  stored: Shape;
  targets: (Shape | undefined)[];
  drawn: Shape;
}

export class ConnectorReads {
  private readonly resolved = new Map<string, Resolved>();

  /** `stored` as drawn; `lookup` reads other shapes as stored. */
  read(stored: Shape, lookup: (id: string) => Shape | undefined): Shape {
    if (!isDerived(stored)) {
      this.resolved.delete(stored.id);
      return stored;
    }
    const targets = boundIds(stored).map(lookup);
    const cached = this.resolved.get(stored.id);
    if (cached && cached.stored === stored && sameList(cached.targets, targets)) return cached.drawn;
    const drawn = resolveConnector(stored, lookup as ShapeLookup);
    this.resolved.set(stored.id, { stored, targets, drawn });
    return drawn;
  }

  forget(id: string): void {
    this.resolved.delete(id);
  }
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * What deleting `deleted` does to the connectors that stay: each end bound to
 * a deleted shape is freed where it is drawn now (`shapes` as read, derived),
 * so nothing jumps back to an old fallback point. Written in the delete's own
 * transaction: one undo step brings back the shape and the binding.
 */
export function freedEnds(shapes: readonly Shape[], deleted: ReadonlySet<string>): { id: string; patch: ShapePatch }[] {
  const patches: { id: string; patch: ShapePatch }[] = [];
  for (const shape of shapes) {
    if (!isConnector(shape) || deleted.has(shape.id)) continue;
    const freeStart = shape.startBinding !== undefined && deleted.has(shape.startBinding.shapeId);
    const freeEnd = shape.endBinding !== undefined && deleted.has(shape.endBinding.shapeId);
    if (!freeStart && !freeEnd) continue;
    const patch: ConnectorPatch = { points: [...shape.points] };
    if (freeStart) patch.startBinding = undefined;
    if (freeEnd) patch.endBinding = undefined;
    patches.push({ id: shape.id, patch });
  }
  return patches;
}

/**
 * What a connector moved (or transformed) with `moved` writes besides its own
 * geometry: its points as drawn (the stored fallback is otherwise stale) and,
 * for an end bound to a shape that did not move with it, no binding: a
 * connector moved on its own lets go of its shapes, one moved with them keeps
 * them. Nothing for other kinds.
 */
export function movedConnectorPatch(after: Shape, moved: ReadonlySet<string>): ConnectorPatch {
  if (!isConnector(after)) return {};
  const patch: ConnectorPatch = { points: [...after.points] };
  if (after.startBinding && !moved.has(after.startBinding.shapeId)) patch.startBinding = undefined;
  if (after.endBinding && !moved.has(after.endBinding.shapeId)) patch.endBinding = undefined;
  return patch;
}
