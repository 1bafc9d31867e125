/**
 * Which shape a click picks. First the topmost shape the click hits as drawn
 * (a filled inside, an outline, a stroke, a text box). Failing that, the
 * smallest hollow shape (an unfilled rectangle or ellipse) whose inside holds
 * the point, as tldraw does: a frame drawn around things can be picked by
 * clicking inside it, and a smaller frame inside it wins. Hollow picks are
 * kept apart because a drag starting there draws a marquee, not a move.
 */
import type { Shape } from '../../shared/model';
import { drawOrder } from '../frames/frame-order';
import { isFilled } from './box-geometry';
import { boardToLocal } from './frame';
import { hitTestShape } from './index';
import type { Point } from './math';

/** What a click picked; `hollow` when only through the inside of an unfilled shape. */
export type Pick = { shape: Shape; hollow: boolean } | null;

/** Whether `point` is inside the closed outline of an unfilled rectangle or ellipse, or of a frame. */
export function enclosesHollow(shape: Shape, point: Point): boolean {
  if (shape.type !== 'rect' && shape.type !== 'ellipse' && shape.type !== 'frame') return false;
  if (shape.type !== 'frame' && isFilled(shape.style)) return false;
  const local = boardToLocal(shape, point);
  if (shape.type !== 'ellipse') return local.x >= 0 && local.y >= 0 && local.x <= shape.w && local.y <= shape.h;
  const a = shape.w / 2;
  const b = shape.h / 2;
  if (a <= 0 || b <= 0) return false;
  return ((local.x - a) / a) ** 2 + ((local.y - b) / b) ** 2 <= 1;
}

function area(shape: Shape): number {
  return shape.type === 'rect' || shape.type === 'ellipse' || shape.type === 'frame' ? shape.w * shape.h : Infinity;
}

/** `shapes` bottom to top, as the board lists them; `tolerance` in board units. */
export function pickShape(board: readonly Shape[], point: Point, tolerance: number): Pick {
  const shapes = drawOrder(board); // frames are drawn below the rest, so they are hit last
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes[i];
    if (shape && hitTestShape(shape, point, tolerance)) return { shape, hollow: false };
  }
  let best: Shape | null = null;
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes[i];
    if (shape && enclosesHollow(shape, point) && (!best || area(shape) < area(best))) best = shape;
  }
  return best ? { shape: best, hollow: true } : null;
}
