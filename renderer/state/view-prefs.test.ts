import { describe, expect, it } from 'vitest';
import { createUiStore } from './ui-store';
import { readViewPrefs, rememberViewPrefs, VIEW_PREFS_KEY } from './view-prefs';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('view prefs', () => {
  it('remember the grid and snap to grid on this device', () => {
    const storage = memoryStorage();
    const ui = createUiStore(readViewPrefs(storage));
    expect(ui.getState()).toMatchObject({ gridVisible: false, snapToGrid: false });
    const stop = rememberViewPrefs(ui, storage);
    ui.getState().toggleGrid();
    ui.getState().toggleSnapToGrid();
    stop();
    expect(JSON.parse(storage.getItem(VIEW_PREFS_KEY) ?? '')).toEqual({ grid: true, snapToGrid: true });
    expect(readViewPrefs(storage)).toEqual({ gridVisible: true, snapToGrid: true });
  });

  it('ignore what is not theirs and storage that throws', () => {
    expect(readViewPrefs(memoryStorage({ [VIEW_PREFS_KEY]: '{"grid":"yes"}' }))).toEqual({
      gridVisible: false,
      snapToGrid: false,
    });
    expect(readViewPrefs(memoryStorage({ [VIEW_PREFS_KEY]: 'not json' })).gridVisible).toBe(false);
    const refusing = {
      getItem: (): string | null => {
        throw new Error('disabled');
      },
      setItem: () => {
        throw new Error('disabled');
      },
    };
    expect(readViewPrefs(refusing).gridVisible).toBe(false);
    const ui = createUiStore();
    rememberViewPrefs(ui, refusing);
    expect(() => ui.getState().toggleGrid()).not.toThrow();
  });
});
