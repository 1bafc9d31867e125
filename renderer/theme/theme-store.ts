/**
 * Light or dark, per device: the OS's choice (prefers-color-scheme) unless
 * the person picked one with View → Dark mode, which is remembered in
 * localStorage (`easel.theme`: "light" or "dark"; anything else is ignored).
 * A vanilla zustand store, so actions and tests use it without React; the
 * page follows it through `data-theme` on <html> (apply-theme.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type Theme = 'light' | 'dark';
export const THEME_KEY = 'easel.theme';

export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface ThemeState {
  /** What the OS asks for. */
  system: Theme;
  /** What the person picked on this device, if anything. */
  chosen: Theme | null;
  /** What is shown: the choice, else the OS's. */
  theme: Theme;
  setSystem(system: Theme): void;
  /** Picks a theme and remembers it on this device. */
  choose(theme: Theme): void;
  toggle(): void;
}

export type ThemeStore = StoreApi<ThemeState>;

function readChoice(storage: ThemeStorage | null): Theme | null {
  try {
    const stored = storage?.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : null;
  } catch {
    return null; // storage disabled: follow the OS
  }
}

export function createThemeStore(storage: ThemeStorage | null, system: Theme): ThemeStore {
  const chosen = readChoice(storage);
  return createStore<ThemeState>()((set, get) => ({
    system,
    chosen,
    theme: chosen ?? system,
    setSystem: (next) => set((state) => ({ system: next, theme: state.chosen ?? next })),
    choose: (theme) => {
      try {
        storage?.setItem(THEME_KEY, theme);
      } catch {
        // Not remembered, but still shown for this visit.
      }
      set({ chosen: theme, theme });
    },
    toggle: () => get().choose(get().theme === 'dark' ? 'light' : 'dark'),
  }));
}
