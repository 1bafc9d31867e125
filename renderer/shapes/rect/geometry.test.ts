import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { bounds, hitTest, intersectsRect, scale } from './geometry';

// x 10, y 20, w 120, h 80, stroke 2, unfilled
const rect = (overrides = {}) => exampleShape('rect', overrides);
const filled = { stroke: '#1e1e1e', fill: '#ff0000', strokeWidth: 2 };

describe('rect geometry', () => {
  it('bounds include half the stroke and follow rotation about (x, y)', () => {
    expect(bounds(rect())).toEqual({ minX: 9, minY: 19, maxX: 131, maxY: 101 });
    // A quarter turn sends local +x to board +y and local +y to board -x.
    const turned = bounds(rect({ rotation: Math.PI / 2 }));
    expect(turned.minX).toBeCloseTo(10 - 80 - 1);
    expect(turned.maxX).toBeCloseTo(11);
    expect(turned.minY).toBeCloseTo(19);
    expect(turned.maxY).toBeCloseTo(20 + 120 + 1);
  });

  it('unfilled: hit near the outline only; filled: anywhere inside', () => {
    expect(hitTest(rect(), { x: 10, y: 60 }, 2)).toBe(true);
    expect(hitTest(rect(), { x: 7, y: 60 }, 2)).toBe(true); // 3 away: tolerance 2 + half stroke 1
    expect(hitTest(rect(), { x: 6, y: 60 }, 2)).toBe(false);
    expect(hitTest(rect(), { x: 70, y: 60 }, 2)).toBe(false);
    expect(hitTest(rect({ style: filled }), { x: 70, y: 60 }, 2)).toBe(true);
    expect(hitTest(rect({ style: filled }), { x: 200, y: 60 }, 2)).toBe(false);
  });

  it('hit tests in the turned frame', () => {
    const turned = rect({ rotation: Math.PI / 2, style: filled });
    expect(hitTest(turned, { x: -20, y: 60 }, 0)).toBe(true);
    expect(hitTest(turned, { x: 70, y: 60 }, 0)).toBe(false);
  });

  it('a marquee selects it only when it holds the whole rectangle', () => {
    expect(intersectsRect(rect(), { minX: 0, minY: 0, maxX: 200, maxY: 200 })).toBe(true);
    expect(intersectsRect(rect(), { minX: 50, minY: 0, maxX: 200, maxY: 200 })).toBe(false);
  });

  it('scales about an anchor, mirrors past it, and stretches the right side when turned', () => {
    expect(scale(rect(), { anchor: { x: 10, y: 20 }, sx: 2, sy: 0.5 })).toEqual({
      x: 10,
      y: 20,
      w: 240,
      h: 40,
      rotation: 0,
    });
    expect(scale(rect(), { anchor: { x: 0, y: 0 }, sx: -1, sy: 1 })).toEqual({
      x: -130,
      y: 20,
      w: 120,
      h: 80,
      rotation: 0,
    });
    // Turned a quarter, its height lies along board x: a horizontal stretch grows h.
    const turned = scale(rect({ rotation: Math.PI / 2 }), { anchor: { x: 10, y: 20 }, sx: 2, sy: 1 });
    expect(turned.w).toBeCloseTo(120);
    expect(turned.h).toBeCloseTo(160);
    expect(turned.rotation).toBeCloseTo(Math.PI / 2);
  });
});
