/**
 * The page's one theme store: it starts from localStorage and the OS,
 * follows the OS as it changes, and writes `data-theme` on <html> for the
 * CSS (renderer/ui/ui-styles.ts) and `color-scheme` for the browser's own
 * controls.
 */
import { createThemeStore, type Theme, type ThemeStore } from './theme-store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let pageTheme: ThemeStore | null = null;

export function pageThemeStore(): ThemeStore {
  if (pageTheme) return pageTheme;
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const store = createThemeStore(localStorageOrNull(), media?.matches ? 'dark' : 'light');
  media?.addEventListener('change', (event) => store.getState().setSystem(event.matches ? 'dark' : 'light'));
  const apply = (theme: Theme) => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply(store.getState().theme);
  store.subscribe((state, previous) => state.theme !== previous.theme && apply(state.theme));
  pageTheme = store;
  return store;
}
