import { describe, expect, it } from 'vitest';
import { dirtyRegions } from './dirty-regions';

const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
const snapshot = box(0, 0, 1000, 800);

describe('dirtyRegions', () => {
  it('pads each box by 2 device pixels and snaps it out to whole pixels of the snapshot', () => {
    expect(dirtyRegions([box(10.5, 20.2, 30.1, 40)], snapshot, 2)).toEqual([
      { x: 19, y: 38, width: 44, height: 44, box: box(9.5, 19, 31.5, 41) },
    ]);
  });

  it('cuts regions to the snapshot and drops those outside it', () => {
    const regions = dirtyRegions([box(-50, -50, 10, 10), box(5000, 0, 5100, 10)], snapshot, 1);
    expect(regions).toEqual([{ x: 0, y: 0, width: 12, height: 12, box: box(0, 0, 12, 12) }]);
  });

  it('merges overlapping boxes (a short move) into one region, keeps apart ones apart', () => {
    const regions = dirtyRegions(
      [box(100, 100, 140, 140), box(110, 100, 150, 140), box(500, 500, 510, 510)],
      snapshot,
      1,
    );
    expect(regions?.map((r) => [r.x, r.y, r.width, r.height])).toEqual([
      [98, 98, 54, 44],
      [498, 498, 14, 14],
    ]);
  });

  it('gives up (null: repaint whole) past the region count or the area share', () => {
    const many = Array.from({ length: 10 }, (_, i) => box(i * 50, 0, i * 50 + 10, 10));
    expect(dirtyRegions(many, snapshot, 1, { maxRegions: 9, maxAreaFraction: 1 })).toBeNull();
    expect(dirtyRegions(many, snapshot, 1, { maxRegions: 10, maxAreaFraction: 1 })).toHaveLength(10);
    expect(dirtyRegions([box(0, 0, 700, 700)], snapshot, 1, { maxRegions: 10, maxAreaFraction: 0.5 })).toBeNull();
  });
});
