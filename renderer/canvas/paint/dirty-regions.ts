/**
 * Which parts of a snapshot an edit repaints (docs/ARCHITECTURE.md#canvas):
 * the old and new bounds of what changed, padded by a couple of device pixels
 * (anti-aliasing, dots drawn at least a pixel wide), cut to the snapshot and
 * snapped out to whole device pixels, overlapping ones merged so no shape is
 * painted twice. Past a count or a share of the snapshot's area a full
 * repaint is cheaper and simpler: `null`.
 */
import type { Box } from '../../shapes';
import { boxesIntersect } from '../viewport-math';

/** One region to clear and repaint: device pixels of the snapshot's surface, and the board box they show. */
export interface DirtyRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  box: Box;
}

export interface DirtyLimits {
  /** More regions than this (after merging) repaint the whole snapshot. */
  maxRegions: number;
  /** More of the snapshot's area than this fraction repaints the whole snapshot. */
  maxAreaFraction: number;
}

export const DEFAULT_DIRTY_LIMITS: DirtyLimits = { maxRegions: 48, maxAreaFraction: 0.4 };

/** Device pixels added on every side of a changed shape's bounds. */
const PAD_PX = 2;
/** Boxes looked at before giving up on regions (the merge is quadratic in them). */
const MAX_BOXES = 128;

/** `snapshot`: the board box the surface covers at `scale` device pixels per unit. */
export function dirtyRegions(
  boxes: readonly Box[],
  snapshot: Box,
  scale: number,
  limits: DirtyLimits = DEFAULT_DIRTY_LIMITS,
): DirtyRegion[] | null {
  if (boxes.length > MAX_BOXES) return null;
  const pad = PAD_PX / scale;
  let pixels: Box[] = [];
  for (const box of boxes) {
    const padded = { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad };
    if (!boxesIntersect(padded, snapshot)) continue;
    pixels.push({
      minX: Math.max(0, Math.floor((padded.minX - snapshot.minX) * scale)),
      minY: Math.max(0, Math.floor((padded.minY - snapshot.minY) * scale)),
      maxX: Math.min(
        Math.ceil((snapshot.maxX - snapshot.minX) * scale),
        Math.ceil((padded.maxX - snapshot.minX) * scale),
      ),
      maxY: Math.min(
        Math.ceil((snapshot.maxY - snapshot.minY) * scale),
        Math.ceil((padded.maxY - snapshot.minY) * scale),
      ),
    });
  }
  pixels = mergeOverlapping(pixels);
  if (pixels.length > limits.maxRegions) return null;
  const total = (snapshot.maxX - snapshot.minX) * (snapshot.maxY - snapshot.minY) * scale * scale;
  const area = pixels.reduce((sum, p) => sum + (p.maxX - p.minX) * (p.maxY - p.minY), 0);
  if (area > total * limits.maxAreaFraction) return null;
  return pixels.map((p) => ({
    x: p.minX,
    y: p.minY,
    width: p.maxX - p.minX,
    height: p.maxY - p.minY,
    box: {
      minX: snapshot.minX + p.minX / scale,
      minY: snapshot.minY + p.minY / scale,
      maxX: snapshot.minX + p.maxX / scale,
      maxY: snapshot.minY + p.maxY / scale,
    },
  }));
}

/** Replaces boxes that overlap by their union until none do (a move's old and new bounds often overlap). */
function mergeOverlapping(boxes: Box[]): Box[] {
  const out = boxes.filter((box) => box.maxX > box.minX && box.maxY > box.minY);
  for (let pair = overlappingPair(out); pair; pair = overlappingPair(out)) {
    const [i, j, a, b] = pair;
    out[i] = {
      minX: Math.min(a.minX, b.minX),
      minY: Math.min(a.minY, b.minY),
      maxX: Math.max(a.maxX, b.maxX),
      maxY: Math.max(a.maxY, b.maxY),
    };
    out.splice(j, 1);
  }
  return out;
}

function overlappingPair(boxes: readonly Box[]): [number, number, Box, Box] | null {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY) return [i, j, a, b];
    }
  }
  return null;
}
