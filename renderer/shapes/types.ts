/**
 * What every shape kind provides to the tools and the canvas (docs/ARCHITECTURE.md#tools-and-shapes:
 * one folder per kind). The registry in ./index.ts maps `type` to one of
 * these, so adding a kind is a new folder plus one line there.
 */
import type { Shape, ShapeOfType, ShapeType } from '../../shared/model';
import type { Box, Point } from './math';
import type { Scaling } from './scaling';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A shape that may not be in the doc yet (a tool's draft): no z-order index needed. */
export type DraftShape = DistributiveOmit<Shape, 'index'>;
export type DraftOf<Type extends ShapeType> = DistributiveOmit<ShapeOfType<Type>, 'index'>;

/** Geometry fields a transform replaces; never id, type or index. */
export type GeometryPatch<Type extends ShapeType> = Partial<Omit<ShapeOfType<Type>, 'id' | 'type' | 'index'>>;

export interface ShapeGeometry<Type extends ShapeType> {
  /** Axis-aligned board box of everything drawn: rotation and stroke included. */
  bounds(shape: DraftOf<Type>): Box;
  /**
   * Whether a pointer at `point` picks the shape. `tolerance` is in board
   * units (callers turn screen pixels into board units with the zoom).
   */
  hitTest(shape: DraftOf<Type>, point: Point, tolerance: number): boolean;
  /**
   * Whether a marquee over `rect` selects the shape. Decision: the shape must
   * lie entirely inside (Excalidraw), so a marquee never grabs a large shape
   * it merely crosses. For an axis-aligned `rect` that is exactly "bounds inside".
   */
  intersectsRect(shape: DraftOf<Type>, rect: Box): boolean;
  /** The fields that change when the shape is scaled with a selection (resize handles). */
  scale(shape: DraftOf<Type>, scaling: Scaling): GeometryPatch<Type>;
}
