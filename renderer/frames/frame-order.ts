/**
 * How frames sit among the other shapes when drawn: every frame below every
 * other shape (so a frame never covers what it holds, whatever their z-order
 * keys say), and each member clipped to its frame. The canvas, the exports
 * and picking all draw in this order.
 */
import { compareZOrder } from '../../shared/model';
import type { DraftOf, DraftShape } from '../shapes';

export type FrameOf<S extends { type: string }> = Extract<S, { type: 'frame' }>;

/** `shapes` (bottom to top) with the frames moved below the rest, each part keeping its order. */
export function drawOrder<S extends DraftShape>(shapes: readonly S[]): S[] {
  const frames = shapes.filter((shape) => shape.type === 'frame');
  if (frames.length === 0) return [...shapes];
  return [...frames, ...shapes.filter((shape) => shape.type !== 'frame')];
}

/** The order drawOrder gives, as a comparison (the canvas's spatial index ranks by it): frames first, then z-order. */
export function compareDrawOrder(a: ZOrdered, b: ZOrdered): number {
  return (a.type === 'frame' ? 0 : 1) - (b.type === 'frame' ? 0 : 1) || compareZOrder(a, b);
}

interface ZOrdered {
  type: string;
  index: string;
  id: string;
}

const frameMaps = new WeakMap<readonly DraftShape[], ReadonlyMap<string, DraftOf<'frame'>>>();

/** The frames of a board by id, computed once per list (the canvas's list changes only with the doc). */
export function framesById(shapes: readonly DraftShape[]): ReadonlyMap<string, DraftOf<'frame'>> {
  let frames = frameMaps.get(shapes);
  if (!frames) {
    const map = new Map<string, DraftOf<'frame'>>();
    for (const shape of shapes) if (shape.type === 'frame') map.set(shape.id, shape);
    frames = map;
    frameMaps.set(shapes, frames);
  }
  return frames;
}

/** The frame that clips `shape`, if it is held by one that exists (a frame never holds a frame). */
export function clippingFrame(
  shape: DraftShape,
  frames: ReadonlyMap<string, DraftOf<'frame'>>,
): DraftOf<'frame'> | undefined {
  if (shape.type === 'frame' || shape.frameId === undefined) return undefined;
  return frames.get(shape.frameId);
}
