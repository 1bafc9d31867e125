import { describe, expect, it } from 'vitest';
import { darkColour, canvasColours } from './canvas-colours';
import { createThemeStore, THEME_KEY } from './theme-store';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

const lightness = (hex: string) => {
  const value = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (Math.max(r, g, b) + Math.min(r, g, b)) / 2 / 255;
};

describe('the theme store', () => {
  it('follows the OS until a theme is picked, then remembers the pick on this device', () => {
    const storage = memoryStorage();
    const store = createThemeStore(storage, 'dark');
    expect(store.getState().theme).toBe('dark');
    store.getState().setSystem('light');
    expect(store.getState().theme).toBe('light');
    store.getState().toggle();
    expect(store.getState()).toMatchObject({ theme: 'dark', chosen: 'dark' });
    expect(storage.items.get(THEME_KEY)).toBe('dark');
    store.getState().setSystem('light'); // the OS changing no longer overrides the pick
    expect(store.getState().theme).toBe('dark');
    expect(createThemeStore(storage, 'light').getState().theme).toBe('dark');
  });

  it('ignores a stored value it does not know and a storage that throws', () => {
    expect(createThemeStore(memoryStorage({ [THEME_KEY]: 'sepia' }), 'light').getState().theme).toBe('light');
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createThemeStore(throwing, 'light');
    store.getState().choose('dark');
    expect(store.getState().theme).toBe('dark');
  });
});

describe('canvas colours in the dark theme', () => {
  it('turn black strokes light and white dark, keep hues, and leave light mode alone', () => {
    expect(lightness(darkColour('#1e1e1e'))).toBeGreaterThan(0.85);
    expect(lightness(darkColour('#ffffff'))).toBeLessThan(0.15);
    const red = darkColour('#e03131');
    expect(parseInt(red.slice(1, 3), 16)).toBeGreaterThan(parseInt(red.slice(3, 5), 16)); // still red
    expect(lightness(darkColour('#fff3a3'))).toBeLessThan(0.3); // a pale note becomes a deep one
    expect(darkColour('none')).toBe('none');
    expect(canvasColours('light')('#1e1e1e')).toBe('#1e1e1e');
    expect(canvasColours('dark')('#1e1e1e')).toBe(darkColour('#1e1e1e'));
  });
});
