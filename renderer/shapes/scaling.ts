/**
 * Resizing a selection: an axis-aligned scale about an anchor (the handle
 * opposite the one dragged), applied to every selected shape.
 *
 * - Polylines (pen, line, arrow) transform exactly: their points go through
 *   the same map, seen from the shape's rotated frame.
 * - Boxes (rect, ellipse, note, text) stay boxes. Their centre follows the
 *   map exactly; their width and height scale by how much the map stretches
 *   their own axes. That is exact when the shape is turned by a multiple of
 *   90° (or sx = sy); otherwise a box cannot stay a box under a non-uniform
 *   scale, and this is the closest box (tldraw and Excalidraw approximate too).
 * - A negative scale (dragging a handle past its anchor) mirrors the
 *   selection: positions flip, boxes keep upright content (angle mirrored).
 */
import { MAX_COORDINATE } from '../../shared/model';
import { localToBoard, type Placement } from './frame';
import { clamp, normaliseAngle, type Point } from './math';

export interface Scaling {
  anchor: Point;
  sx: number;
  sy: number;
}

export function clampCoordinate(value: number): number {
  return clamp(value, -MAX_COORDINATE, MAX_COORDINATE);
}

export function clampSize(value: number): number {
  return clamp(Math.abs(value), 0, MAX_COORDINATE);
}

export function scalePoint(scaling: Scaling, p: Point): Point {
  return {
    x: scaling.anchor.x + (p.x - scaling.anchor.x) * scaling.sx,
    y: scaling.anchor.y + (p.y - scaling.anchor.y) * scaling.sy,
  };
}

/**
 * The linear part of the scaling seen from a frame turned by `rotation`:
 * R(-θ)·S·R(θ), applied to a vector of that frame.
 */
export function scaleLocalVector(scaling: Scaling, rotation: number, v: Point): Point {
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const bx = (v.x * cos - v.y * sin) * scaling.sx;
  const by = (v.x * sin + v.y * cos) * scaling.sy;
  return { x: bx * cos + by * sin, y: -bx * sin + by * cos };
}

/** New (x, y) for a polyline shape: its origin goes through the map, its rotation stays. */
export function scaleOrigin(shape: Placement, scaling: Scaling): { x: number; y: number } {
  const origin = scalePoint(scaling, shape);
  return { x: clampCoordinate(origin.x), y: clampCoordinate(origin.y) };
}

/** How much the map stretches a box's own x and y axes. */
export function axisStretch(scaling: Scaling, rotation: number): { ex: number; ey: number } {
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  return {
    ex: Math.hypot(scaling.sx * cos, scaling.sy * sin),
    ey: Math.hypot(scaling.sx * sin, scaling.sy * cos),
  };
}

export interface PlacedBox extends Placement {
  w: number;
  h: number;
}

/**
 * A w × h box placed at (x, y) with `rotation`, resized so its centre
 * follows the map and its sides become `newW` × `newH` (see the file comment).
 */
export function placeScaledBox(shape: PlacedBox, scaling: Scaling, newW: number, newH: number): PlacedBox {
  const centre = scalePoint(scaling, localToBoard(shape, { x: shape.w / 2, y: shape.h / 2 }));
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  let rotation = Math.atan2(Math.abs(scaling.sy) * sin, Math.abs(scaling.sx) * cos);
  if (scaling.sx * scaling.sy < 0) rotation = -rotation; // mirrored: same box, content stays readable
  rotation = normaliseAngle(rotation);
  const w = clampSize(newW);
  const h = clampSize(newH);
  const corner = localToBoard({ x: 0, y: 0, rotation }, { x: w / 2, y: h / 2 });
  return { x: clampCoordinate(centre.x - corner.x), y: clampCoordinate(centre.y - corner.y), w, h, rotation };
}

/** The usual box resize: each side scales by the stretch of its axis. */
export function scaleBox(shape: PlacedBox, scaling: Scaling): PlacedBox {
  const { ex, ey } = axisStretch(scaling, shape.rotation);
  return placeScaledBox(shape, scaling, shape.w * ex, shape.h * ey);
}
