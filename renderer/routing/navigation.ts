import { useMemo, useSyncExternalStore } from 'react';
import { type Route, routeFor } from './route';

/**
 * Client-side navigation with the History API: `navigate()` pushes a path and
 * tells subscribers; Back and Forward arrive as `popstate`. The query string is
 * kept, so the desktop app's `?relay=` (and a `?name=`) survive moving between
 * home and boards.
 */
export const NAVIGATE_EVENT = 'easel:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return useMemo(() => routeFor(pathname), [pathname]);
}

/** `path` with the current query string, for an `href`. */
export function hrefFor(path: string): string {
  return `${path}${window.location.search}`;
}

/** `state` rides along in `history.state` (the join screen's target does). */
export function navigate(path: string, state: unknown = null): void {
  window.history.pushState(state, '', hrefFor(path));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
