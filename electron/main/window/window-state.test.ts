import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { loadWindowState, placeWindow, saveWindowState } from './window-state';

const sizing = { width: 1280, height: 800, minWidth: 640, minHeight: 480 };
const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('placeWindow', () => {
  it('restores a window where it was when that spot is still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop, monitorRight], sizing)).toEqual({
      bounds: { x: 1600, y: 100, width: 1800, height: 1000 },
      maximized: false,
    });
  });

  it('centres a window whose display is gone, at its size but no larger than the primary', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ bounds: { width: 1440, height: 875 }, maximized: true });
  });

  it('pulls a window that hangs off the edge back onto its display', () => {
    const saved = { x: 1300, y: 700, width: 800, height: 600, maximized: false };
    expect(placeWindow(saved, [laptop], sizing).bounds).toEqual({ x: 640, y: 300, width: 800, height: 600 });
  });

  it('treats a sliver on screen as off screen', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600, maximized: false };
    expect(placeWindow(saved, [laptop], sizing).bounds).toEqual({ width: 800, height: 600 });
  });

  it('uses the default size for missing or malformed state, and keeps the minimum size', () => {
    for (const junk of [null, undefined, 'x', {}, { x: 0, y: 0, width: 'wide', height: 1, maximized: false }]) {
      expect(placeWindow(junk, [laptop], sizing)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
    }
    expect(placeWindow({ x: 10, y: 40, width: 20, height: 20, maximized: false }, [laptop], sizing).bounds).toEqual({
      x: 10,
      y: 40,
      width: 640,
      height: 480,
    });
    expect(placeWindow(null, [], sizing)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
  });
});

describe('window state file', () => {
  it('round-trips, and reads a damaged file as nothing', async () => {
    const dir = await tempDir('easel-window-');
    try {
      const file = path.join(dir.path, 'window-state.json');
      expect(await loadWindowState(file)).toBeNull();
      const state = { x: 5, y: 6, width: 700, height: 500, maximized: true };
      saveWindowState(file, state);
      // Synchronous: on disk the moment it returns.
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
      expect(await loadWindowState(file)).toEqual(state);
      await fs.writeFile(file, '{"x":');
      expect(await loadWindowState(file)).toBeNull();
    } finally {
      await dir.remove();
    }
  });
});
