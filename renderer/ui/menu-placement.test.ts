import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-placement';

const window = { width: 800, height: 600 };
const menu = { width: 200, height: 300 };

describe('placeMenu', () => {
  it('opens to the right of and below the pointer when it fits', () => {
    expect(placeMenu({ at: { x: 100, y: 50 }, menu, window, margin: 4 })).toEqual({ left: 100, top: 50 });
  });

  it('flips to the left or above near the right or bottom edge', () => {
    expect(placeMenu({ at: { x: 700, y: 50 }, menu, window, margin: 4 })).toEqual({ left: 500, top: 50 });
    expect(placeMenu({ at: { x: 100, y: 550 }, menu, window, margin: 4 })).toEqual({ left: 100, top: 250 });
  });

  it('stays inside the window when neither side has room', () => {
    const tall = { width: 200, height: 580 };
    expect(placeMenu({ at: { x: 100, y: 300 }, menu: tall, window, margin: 4 })).toEqual({ left: 100, top: 4 });
    const huge = { width: 900, height: 700 };
    expect(placeMenu({ at: { x: 400, y: 300 }, menu: huge, window, margin: 4 })).toEqual({ left: 4, top: 4 });
  });
});
