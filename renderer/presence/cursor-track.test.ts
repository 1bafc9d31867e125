import { describe, expect, it } from 'vitest';
import { CURSOR_GLIDE_MS, CURSOR_PAUSE_MS, CursorTrack } from './cursor-track';

describe('CursorTrack', () => {
  it('has no position before the first one, then starts where it is told', () => {
    const track = new CursorTrack();
    expect(track.positionAt(0)).toBeNull();
    track.moveTo({ x: 10, y: 20 }, 100);
    expect(track.positionAt(100)).toEqual({ x: 10, y: 20 });
  });

  it('glides to a new position over CURSOR_GLIDE_MS, then stays', () => {
    const track = new CursorTrack();
    track.moveTo({ x: 0, y: 0 }, 1000 - 33); // one awareness interval before: in motion
    track.moveTo({ x: 100, y: 50 }, 1000);
    expect(track.positionAt(1000)).toEqual({ x: 0, y: 0 });
    expect(track.positionAt(1000 + CURSOR_GLIDE_MS / 2)).toEqual({ x: 50, y: 25 });
    expect(track.movingAt(1000 + CURSOR_GLIDE_MS / 2)).toBe(true);
    expect(track.positionAt(1000 + CURSOR_GLIDE_MS * 3)).toEqual({ x: 100, y: 50 });
    expect(track.movingAt(1000 + CURSOR_GLIDE_MS)).toBe(false);
  });

  it('draws a position that ends a pause at once: a new motion is not held back by a glide', () => {
    const track = new CursorTrack();
    track.moveTo({ x: 0, y: 0 }, 0);
    track.moveTo({ x: 100, y: 0 }, CURSOR_PAUSE_MS);
    expect(track.positionAt(CURSOR_PAUSE_MS)).toEqual({ x: 100, y: 0 });
    expect(track.movingAt(CURSOR_PAUSE_MS)).toBe(true); // one more frame to draw it
    // The motion goes on at the awareness rate: glides again.
    track.moveTo({ x: 110, y: 0 }, CURSOR_PAUSE_MS + 33);
    expect(track.positionAt(CURSOR_PAUSE_MS + 33)).toEqual({ x: 100, y: 0 });
  });

  it('starts the next glide from where the cursor is drawn, so it never jumps back', () => {
    const track = new CursorTrack();
    track.moveTo({ x: 0, y: 0 }, 1000 - 33);
    track.moveTo({ x: 100, y: 0 }, 1000);
    track.moveTo({ x: 200, y: 0 }, 1000 + CURSOR_GLIDE_MS / 2);
    expect(track.positionAt(1000 + CURSOR_GLIDE_MS / 2)).toEqual({ x: 50, y: 0 });
  });
});
