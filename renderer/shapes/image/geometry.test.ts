import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { bounds, hitTest, intersectsRect, scale } from './geometry';

// x 10, y 20, w 160, h 90
const image = (overrides = {}) => exampleShape('image', overrides);

describe('image geometry', () => {
  it('bounds are the box itself (no outline), turned about (x, y)', () => {
    expect(bounds(image())).toEqual({ minX: 10, minY: 20, maxX: 170, maxY: 110 });
    const turned = bounds(image({ rotation: Math.PI / 2 }));
    expect(turned.minX).toBeCloseTo(-80);
    expect(turned.maxY).toBeCloseTo(180);
  });

  it('is hit anywhere inside, like a filled box', () => {
    expect(hitTest(image(), { x: 90, y: 60 }, 0)).toBe(true);
    expect(hitTest(image(), { x: 172, y: 60 }, 2)).toBe(true);
    expect(hitTest(image(), { x: 175, y: 60 }, 2)).toBe(false);
  });

  it('a marquee selects it only around the whole picture', () => {
    expect(intersectsRect(image(), { minX: 0, minY: 0, maxX: 200, maxY: 200 })).toBe(true);
    expect(intersectsRect(image(), { minX: 50, minY: 0, maxX: 200, maxY: 200 })).toBe(false);
  });

  it('scales as a box: an even scale keeps its aspect', () => {
    const scaled = scale(image(), { anchor: { x: 10, y: 20 }, sx: 2, sy: 2 });
    expect(scaled.w).toBeCloseTo(320);
    expect(scaled.h).toBeCloseTo(180);
    expect(scaled.x).toBeCloseTo(10);
    expect(scaled.y).toBeCloseTo(20);
  });
});
