/**
 * Whether this page is the relay-served browser client rather than the desktop
 * app: the desktop preload exposes `window.easel`, and its pages come from
 * `app://`. Browser-only behaviour (service worker, unload prompt) keys on it.
 */
export function isBrowserClient(win: Pick<Window, 'location'> & { easel?: unknown }): boolean {
  return win.easel === undefined && /^https?:$/.test(win.location.protocol);
}
