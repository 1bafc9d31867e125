/**
 * Dragging a point of the one selected line or arrow (docs/ARCHITECTURE.md#tools-and-shapes):
 * a handle sits on each point of its path as drawn. An end dragged onto a
 * shape that takes bindings binds to it at the anchor under the pointer (the
 * shape is highlighted meanwhile), dragged elsewhere it is free; Alt or Ctrl
 * lets go without binding. A middle point just moves. One write on up.
 *
 * Also here: the connectors that follow shapes being moved, resized or
 * rotated, so the preview shows them bound while the gesture runs.
 */
import { routeOf, type Shape } from '../../../shared/model';
import type { BoardDoc } from '../../doc';
import type { ConnectorPatch } from '../../doc/connector-reads';
import { boardToLocal, distance, flatPoints, localToBoard, pathPoints, type Point } from '../../shapes';
import { isConnector, resolveConnector } from '../../shapes/connectors';

/** A line or arrow of the doc. */
export type Connector = Extract<Shape, { type: 'line' | 'arrow' }>;
import { bindingAt, bindingSuppressed, drawnDraft } from '../connector-binding';
import { DRAG_THRESHOLD_PX, HANDLE_HIT_RADIUS_PX, HIT_TOLERANCE_PX } from '../constants';
import type { PointerInput, Preview } from '../tool';

/**
 * Where a connector's handles sit: on each point of its path as drawn, or on
 * its two ends alone for an elbow route (its bends are routed, not placed).
 * `index` is the point's place in the path.
 */
export function connectorHandles(shape: Connector): { index: number; point: Point }[] {
  const path = pathPoints(shape.points).map((p, index) => ({ index, point: localToBoard(shape, p) }));
  return routeOf(shape) === 'elbow' ? path.filter(({ index }) => index === 0 || index === path.length - 1) : path;
}

/** The one connector selected, if the selection is exactly that. */
export function soleConnector(selected: readonly Shape[]): Connector | null {
  const only = selected.length === 1 ? selected[0] : undefined;
  return only && isConnector(only) ? only : null;
}

export class ConnectorPointDrag {
  private moved: Connector;
  private bindTarget: string | undefined;
  /** Past the drag threshold: a press on a handle that never moves writes nothing. */
  private started = false;

  private constructor(
    private readonly board: BoardDoc,
    private readonly original: Connector,
    private readonly index: number,
    private readonly zoom: number,
    private readonly down: PointerInput,
  ) {
    this.moved = original;
  }

  /** A drag of the handle under `e`, if the one selected shape is a connector and a handle is there. */
  static at(board: BoardDoc, selected: readonly Shape[], e: PointerInput, zoom: number): ConnectorPointDrag | null {
    const connector = soleConnector(selected);
    if (!connector) return null;
    const radius = HANDLE_HIT_RADIUS_PX / zoom;
    let best = -1;
    let bestDistance = radius;
    for (const { index, point } of connectorHandles(connector)) {
      const d = distance(point, e);
      if (d <= bestDistance) {
        best = index;
        bestDistance = d;
      }
    }
    return best >= 0 ? new ConnectorPointDrag(board, connector, best, zoom, e) : null;
  }

  move(e: PointerInput): void {
    const travelled = Math.hypot(e.screenX - this.down.screenX, e.screenY - this.down.screenY);
    if (!this.started && travelled <= DRAG_THRESHOLD_PX) return;
    this.started = true;
    const points = pathPoints(this.original.points);
    points[this.index] = boardToLocal(this.original, e);
    const isStart = this.index === 0;
    const isEnd = this.index === points.length - 1;
    let next: Connector = { ...this.original, points: flatPoints(points) };
    this.bindTarget = undefined;
    if (isStart || isEnd) {
      const hit = bindingSuppressed(e)
        ? null
        : bindingAt(this.board, e, HIT_TOLERANCE_PX / this.zoom, this.original.id);
      const { startBinding: _start, endBinding: _end, ...unbound } = next;
      next = {
        ...unbound,
        ...(isStart ? hit && { startBinding: hit.binding } : _start && { startBinding: _start }),
        ...(isEnd ? hit && { endBinding: hit.binding } : _end && { endBinding: _end }),
      } as Connector;
      this.bindTarget = hit?.binding.shapeId;
    }
    this.moved = drawnDraft(this.board, next);
  }

  /** The one write: the points as drawn and the ends' bindings as they are now. */
  commit(): void {
    if (this.moved === this.original) return;
    const patch: ConnectorPatch = {
      points: [...this.moved.points],
      startBinding: this.moved.startBinding,
      endBinding: this.moved.endBinding,
    };
    this.board.update(this.original.id, patch);
  }

  preview(): Preview | null {
    if (!this.started) return null;
    return {
      kind: 'transform',
      tool: 'select',
      action: 'move',
      shapes: [this.moved],
      ...(this.bindTarget !== undefined && { bindTarget: this.bindTarget }),
    };
  }
}

/** Connectors bound to any of `ids` and not among them: those that follow when these shapes move. */
export function boundTo(all: readonly Shape[], ids: ReadonlySet<string>): Connector[] {
  return all.filter(
    (shape): shape is Connector =>
      isConnector(shape) &&
      !ids.has(shape.id) &&
      ((!!shape.startBinding && ids.has(shape.startBinding.shapeId)) ||
        (!!shape.endBinding && ids.has(shape.endBinding.shapeId))),
  );
}

/** `connectors` as drawn against the shapes' live geometry `moved` (and the doc for the rest). */
export function following(board: BoardDoc, connectors: readonly Connector[], moved: readonly Shape[]): Shape[] {
  const live = new Map(moved.map((shape) => [shape.id, shape]));
  return connectors.map((connector) => resolveConnector(connector, (id) => live.get(id) ?? board.get(id)));
}
