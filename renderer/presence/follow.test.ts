import { describe, expect, it } from 'vitest';
import { followedViewport } from './follow';

describe('followedViewport', () => {
  it('shows the same box as theirs on a screen of the same size', () => {
    const theirs = { x: 100, y: 50, zoom: 2, width: 800, height: 600 };
    expect(followedViewport(theirs, { width: 800, height: 600 })).toEqual({ x: 100, y: 50, zoom: 2 });
  });

  it('keeps their centre and fits their whole view into a smaller screen', () => {
    // They see board 0..800 × 0..600 at zoom 1; a 400 × 400 screen fits it at zoom 0.5, centred on (400, 300).
    const next = followedViewport({ x: 0, y: 0, zoom: 1, width: 800, height: 600 }, { width: 400, height: 400 });
    expect(next.zoom).toBe(0.5);
    expect(next.x + 400 / next.zoom / 2).toBeCloseTo(400);
    expect(next.y + 400 / next.zoom / 2).toBeCloseTo(300);
  });
});
