/**
 * Align and distribute as maths over boxes (each a selection unit's rotated
 * bounds: a group counts as one box). Aligning lines every box up with the
 * selection's edge or centre, as Excalidraw does; distributing keeps the two
 * outermost boxes and makes the gaps between neighbours equal.
 */
import type { Box } from '../shapes';

export const ALIGNMENTS = ['left', 'centre', 'right', 'top', 'middle', 'bottom'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
export type DistributeAxis = 'horizontal' | 'vertical';

export interface Offset {
  dx: number;
  dy: number;
}

function union(boxes: readonly Box[]): Box {
  return {
    minX: Math.min(...boxes.map((box) => box.minX)),
    minY: Math.min(...boxes.map((box) => box.minY)),
    maxX: Math.max(...boxes.map((box) => box.maxX)),
    maxY: Math.max(...boxes.map((box) => box.maxY)),
  };
}

/** How far each box moves so they all meet the selection's `alignment` line; in the order given. */
export function alignOffsets(boxes: readonly Box[], alignment: Alignment): Offset[] {
  if (boxes.length === 0) return [];
  const all = union(boxes);
  return boxes.map((box) => {
    switch (alignment) {
      case 'left':
        return { dx: all.minX - box.minX, dy: 0 };
      case 'right':
        return { dx: all.maxX - box.maxX, dy: 0 };
      case 'centre':
        return { dx: (all.minX + all.maxX) / 2 - (box.minX + box.maxX) / 2, dy: 0 };
      case 'top':
        return { dx: 0, dy: all.minY - box.minY };
      case 'bottom':
        return { dx: 0, dy: all.maxY - box.maxY };
      case 'middle':
        return { dx: 0, dy: (all.minY + all.maxY) / 2 - (box.minY + box.maxY) / 2 };
    }
  });
}

/**
 * How far each box moves so the gaps between neighbours along `axis` are equal (negative when
 * they must overlap to fit), the first and last in that order staying put; in the order given.
 */
export function distributeOffsets(boxes: readonly Box[], axis: DistributeAxis): Offset[] {
  const offsets: Offset[] = boxes.map(() => ({ dx: 0, dy: 0 }));
  if (boxes.length < 3) return offsets;
  const min = (box: Box) => (axis === 'horizontal' ? box.minX : box.minY);
  const size = (box: Box) => (axis === 'horizontal' ? box.maxX - box.minX : box.maxY - box.minY);
  const order = boxes.map((box, i) => ({ box, i })).sort((a, b) => min(a.box) - min(b.box) || a.i - b.i);
  const all = union(boxes);
  const start = axis === 'horizontal' ? all.minX : all.minY;
  const span = (axis === 'horizontal' ? all.maxX : all.maxY) - start;
  const gap = (span - boxes.reduce((sum, box) => sum + size(box), 0)) / (boxes.length - 1);
  let position = start;
  for (const { box, i } of order) {
    const shift = position - min(box);
    offsets[i] = axis === 'horizontal' ? { dx: shift, dy: 0 } : { dx: 0, dy: shift };
    position += size(box) + gap;
  }
  return offsets;
}
