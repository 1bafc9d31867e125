/**
 * View choices remembered per device, like the theme (theme-store.ts): whether
 * the grid shows and whether shapes snap to it, in localStorage
 * `easel.viewPrefs` as `{ "grid": boolean, "snapToGrid": boolean }`. A stored
 * value that is not that is ignored; storage that refuses is no error.
 */
import { z } from 'zod';
import type { UiState, UiStore } from './ui-store';

export const VIEW_PREFS_KEY = 'easel.viewPrefs';

const viewPrefsSchema = z.object({ grid: z.boolean(), snapToGrid: z.boolean() });
export type ViewPrefs = Pick<UiState, 'gridVisible' | 'snapToGrid'>;
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readViewPrefs(storage: PrefsStorage | null): ViewPrefs {
  try {
    const parsed = viewPrefsSchema.safeParse(JSON.parse(storage?.getItem(VIEW_PREFS_KEY) ?? 'null'));
    if (parsed.success) return { gridVisible: parsed.data.grid, snapToGrid: parsed.data.snapToGrid };
  } catch {
    // Not JSON, or storage disabled: the defaults.
  }
  return { gridVisible: false, snapToGrid: false };
}

/** Writes the view prefs whenever they change; returns the unsubscribe. */
export function rememberViewPrefs(ui: UiStore, storage: PrefsStorage | null): () => void {
  return ui.subscribe((state, previous) => {
    if (state.gridVisible === previous.gridVisible && state.snapToGrid === previous.snapToGrid) return;
    try {
      storage?.setItem(VIEW_PREFS_KEY, JSON.stringify({ grid: state.gridVisible, snapToGrid: state.snapToGrid }));
    } catch {
      // Not remembered, but still in effect for this visit.
    }
  });
}

/** This device's localStorage, or null where it is missing or touching it throws (storage disabled). */
export function deviceStorage(): PrefsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
