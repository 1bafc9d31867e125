import { describe, expect, it } from 'vitest';
import { fittedSize, layOutInRow, placeImages } from './image-placement';

describe('image placement', () => {
  it('keeps a small image at its natural size and scales a large one to half the view, aspect kept', () => {
    expect(fittedSize({ width: 200, height: 100 }, { width: 1280, height: 800 })).toEqual({ width: 200, height: 100 });
    expect(fittedSize({ width: 1600, height: 900 }, { width: 1280, height: 800 })).toEqual({ width: 640, height: 360 });
    // Tall: the height decides.
    const tall = fittedSize({ width: 1000, height: 4000 }, { width: 1280, height: 800 });
    expect(tall.height).toBe(400);
    expect(tall.width).toBe(100);
  });

  it('lays several images out side by side, the row centred on the point', () => {
    const boxes = layOutInRow(
      [
        { width: 100, height: 50 },
        { width: 200, height: 100 },
      ],
      { x: 0, y: 0 },
      10,
    );
    expect(boxes).toEqual([
      { x: -155, y: -25, w: 100, h: 50 },
      { x: -45, y: -50, w: 200, h: 100 },
    ]);
  });

  it('fits to the view in board units at the current zoom', () => {
    // At zoom 2 a 1280 x 800 view shows 640 x 400 board units: half of that is 320 x 200.
    const [box] = placeImages([{ width: 1600, height: 900 }], { x: 500, y: 500 }, { width: 1280, height: 800 }, 2);
    expect(box!.w).toBeCloseTo(320);
    expect(box!.h).toBeCloseTo(180);
    expect(box!.x + box!.w / 2).toBeCloseTo(500);
    expect(box!.y + box!.h / 2).toBeCloseTo(500);
  });
});
