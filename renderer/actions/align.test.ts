import { describe, expect, it } from 'vitest';
import { alignOffsets, distributeOffsets } from './align';

const box = (minX: number, minY: number, w: number, h: number) => ({ minX, minY, maxX: minX + w, maxY: minY + h });
const boxes = [box(0, 0, 10, 10), box(50, 20, 30, 40), box(20, 100, 20, 10)];

describe('align and distribute maths', () => {
  it('aligns every box on the selection edge or centre', () => {
    expect(alignOffsets(boxes, 'left')).toEqual([
      { dx: 0, dy: 0 },
      { dx: -50, dy: 0 },
      { dx: -20, dy: 0 },
    ]);
    expect(alignOffsets(boxes, 'right').map((o) => o.dx)).toEqual([70, 0, 40]);
    expect(alignOffsets(boxes, 'centre').map((o) => o.dx)).toEqual([35, -25, 10]);
    expect(alignOffsets(boxes, 'top').map((o) => o.dy)).toEqual([0, -20, -100]);
    expect(alignOffsets(boxes, 'bottom').map((o) => o.dy)).toEqual([100, 50, 0]);
    expect(alignOffsets(boxes, 'middle').map((o) => o.dy)).toEqual([50, 15, -50]);
    expect(alignOffsets([], 'left')).toEqual([]);
  });

  it('distributes with equal gaps, keeping the outermost boxes where they are', () => {
    // Along x: 0–10, 20–40, 50–80: span 80, widths 60, so gaps of 10.
    expect(distributeOffsets(boxes, 'horizontal')).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
    // 0–10, 15–25, 100–110: span 110, widths 30, gaps of 40: the middle one goes to 50.
    const uneven = [box(0, 0, 10, 10), box(15, 0, 10, 10), box(100, 0, 10, 10)];
    expect(distributeOffsets(uneven, 'horizontal').map((o) => o.dx)).toEqual([0, 35, 0]);
    const vertical = [box(0, 100, 10, 10), box(0, 0, 10, 10), box(0, 30, 10, 20)];
    // Sorted by top: 0–10, 30–50, 100–110: span 110, heights 40, gaps of 35.
    expect(distributeOffsets(vertical, 'vertical').map((o) => o.dy)).toEqual([0, 0, 15]);
  });

  it('leaves fewer than three boxes alone', () => {
    expect(distributeOffsets(boxes.slice(0, 2), 'horizontal')).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });
});
