import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { bounds, distanceToEllipse, hitTest, intersectsRect, scale } from './geometry';

// x 10, y 20, w 60, h 40, stroke 2, unfilled
const ellipse = (overrides = {}) => exampleShape('ellipse', overrides);

describe('ellipse geometry', () => {
  it('has the exact box of the turned ellipse', () => {
    expect(bounds(ellipse())).toEqual({ minX: 9, minY: 19, maxX: 71, maxY: 61 });
    const turned = bounds(ellipse({ rotation: Math.PI / 2 }));
    // Centre (10 - 20, 20 + 30) = (-10, 50); radii swap to 20 across and 30 down.
    expect(turned.minX).toBeCloseTo(-31);
    expect(turned.maxX).toBeCloseTo(11);
    expect(turned.minY).toBeCloseTo(19);
    expect(turned.maxY).toBeCloseTo(81);
  });

  it('unfilled is hit near its outline, not at its centre or the box corner; filled inside', () => {
    expect(hitTest(ellipse(), { x: 70, y: 40 }, 1)).toBe(true);
    expect(hitTest(ellipse(), { x: 40, y: 20.5 }, 1)).toBe(true);
    expect(hitTest(ellipse(), { x: 40, y: 40 }, 1)).toBe(false);
    expect(hitTest(ellipse(), { x: 11, y: 21 }, 1)).toBe(false);
    const filled = ellipse({ style: { stroke: '#000000', fill: '#00ff00', strokeWidth: 2 } });
    expect(hitTest(filled, { x: 40, y: 40 }, 1)).toBe(true);
    expect(hitTest(filled, { x: 11, y: 21 }, 1)).toBe(false);
  });

  it('measures the distance to the outline like dense sampling does', () => {
    const sampled = (a: number, b: number, p: { x: number; y: number }) => {
      let best = Infinity;
      for (let i = 0; i < 20_000; i++) {
        const t = (i / 20_000) * Math.PI * 2;
        best = Math.min(best, Math.hypot(p.x - a * Math.cos(t), p.y - b * Math.sin(t)));
      }
      return best;
    };
    const cases = [
      [100, 20, { x: 30, y: 5 }],
      [100, 20, { x: -150, y: 40 }],
      [30, 30, { x: 0, y: 0 }],
      [50, 10, { x: 0, y: -3 }],
      [0, 10, { x: 4, y: 3 }],
    ] as const;
    for (const [a, b, p] of cases) expect(distanceToEllipse(a, b, p)).toBeCloseTo(sampled(a, b, p), 1);
  });

  it('is selected by a marquee holding it whole, and scales like a box', () => {
    expect(intersectsRect(ellipse(), { minX: 9, minY: 19, maxX: 71, maxY: 61 })).toBe(true);
    expect(intersectsRect(ellipse(), { minX: 9, minY: 19, maxX: 70, maxY: 61 })).toBe(false);
    expect(scale(ellipse(), { anchor: { x: 10, y: 20 }, sx: 0.5, sy: 3 })).toEqual({
      x: 10,
      y: 20,
      w: 30,
      h: 120,
      rotation: 0,
    });
  });
});
