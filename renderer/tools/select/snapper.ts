/**
 * The select tool's snapping during one gesture: which boxes take part (the
 * shapes on screen that are not moving, asked of the board's spatial index,
 * `ToolContext.shapes`, rather than found by a pass over the board) and the
 * guides to draw. Alt turns it off for the
 * event; with the UI store's `snapToGrid` the grid's lines are the targets.
 */
import type { Shape } from '../../../shared/model';
import { cachedBounds } from '../../canvas/paint/shape-cache';
import type { Box, Point } from '../../shapes';
import { boundIds } from '../../shapes/connectors';
import { GRID_SIZE, SNAP_DISTANCE_PX } from '../constants';
import type { PointerInput, ToolContext } from '../tool';
import { guidesFor, snapBox, snapPointToGrid, snapValues, toGrid, type SnapGuide, type SnapOffset } from './snapping';

/** How far around the moving shapes to look when the canvas size is not known (tests), in screen pixels. */
const FALLBACK_REACH_PX = 1000;

export class Snapper {
  private moving = new Set<string>();
  private others: Box[] | null = null;
  guides: SnapGuide[] = [];

  constructor(private readonly ctx: ToolContext) {}

  /** A move or resize of `shapes` starts. */
  begin(shapes: readonly Shape[]): void {
    this.moving = new Set(shapes.map((shape) => shape.id));
    this.others = null;
    this.guides = [];
  }

  end(): void {
    this.others = null;
    this.guides = [];
  }

  /**
   * The drag `delta` adjusted so `bounds` (the selection before it) lands snapped; on the grid, it is
   * `origin` (the first shape's x, y: a box's corner, as drawn on the grid) that lands on a line.
   */
  move(bounds: Box, origin: Point, delta: SnapOffset, e: PointerInput, axes = { x: true, y: true }): SnapOffset {
    this.guides = [];
    if (e.altKey) return delta;
    const moved = shift(bounds, delta.dx, delta.dy);
    const grid = this.ctx.ui.getState().snapToGrid;
    const others = grid ? [] : this.targets(moved);
    const offset = grid
      ? snapPointToGrid({ x: origin.x + delta.dx, y: origin.y + delta.dy }, GRID_SIZE)
      : snapBox(moved, others, this.threshold);
    const result = { dx: delta.dx + (axes.x ? offset.dx : 0), dy: delta.dy + (axes.y ? offset.dy : 0) };
    if (!grid) this.guides = guidesFor(shift(bounds, result.dx, result.dy), others);
    return result;
  }

  /** The handle's drag adjusted so the edges it moves land snapped (`fx`, `fy`: 0 min edge, 1 max, 0.5 none). */
  resize(bounds: Box, fx: number, fy: number, delta: SnapOffset, e: PointerInput): SnapOffset {
    this.guides = [];
    if (e.altKey) return delta;
    const grid = this.ctx.ui.getState().snapToGrid;
    const others = grid ? [] : this.targets(bounds);
    const snapEdge = (edge: number, axis: 'x' | 'y') =>
      grid ? toGrid(edge, GRID_SIZE) - edge : snapValues([edge], others, axis, this.threshold);
    const edgeX = fx === 0 ? bounds.minX : bounds.maxX;
    const edgeY = fy === 0 ? bounds.minY : bounds.maxY;
    return {
      dx: fx === 0.5 ? delta.dx : delta.dx + snapEdge(edgeX + delta.dx, 'x'),
      dy: fy === 0.5 ? delta.dy : delta.dy + snapEdge(edgeY + delta.dy, 'y'),
    };
  }

  /** Guides for the resized selection, once its new bounds are known. */
  showGuidesFor(bounds: Box, e: PointerInput): void {
    this.guides = e.altKey || this.ctx.ui.getState().snapToGrid ? [] : guidesFor(bounds, this.targets(bounds));
  }

  private get threshold(): number {
    return SNAP_DISTANCE_PX / this.ctx.ui.getState().viewport.zoom;
  }

  /**
   * The boxes of the shapes on screen that are not moving, nor connectors bound to them (they follow,
   * so snapping to one would pull a shape onto its own arrow); looked up once per gesture.
   */
  private targets(around: Box): Box[] {
    if (this.others) return this.others;
    this.others = this.ctx.shapes
      .query(this.area(around))
      .filter((shape) => !this.moving.has(shape.id) && !boundIds(shape).some((id) => this.moving.has(id)))
      .map((shape) => cachedBounds(shape));
    return this.others;
  }

  private area(around: Box): Box {
    const { viewport } = this.ctx.ui.getState();
    const size = this.ctx.viewportSize?.();
    if (size && size.width > 0 && size.height > 0) {
      return {
        minX: viewport.x,
        minY: viewport.y,
        maxX: viewport.x + size.width / viewport.zoom,
        maxY: viewport.y + size.height / viewport.zoom,
      };
    }
    const reach = FALLBACK_REACH_PX / viewport.zoom;
    return {
      minX: around.minX - reach,
      minY: around.minY - reach,
      maxX: around.maxX + reach,
      maxY: around.maxY + reach,
    };
  }
}

function shift(box: Box, dx: number, dy: number): Box {
  return { minX: box.minX + dx, minY: box.minY + dy, maxX: box.maxX + dx, maxY: box.maxY + dy };
}
