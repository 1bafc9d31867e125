import { isBrowserClient } from './browser-client';

/** Built from renderer/public/sw.js to the root of the web build; the relay serves it with no-cache. */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the service worker that keeps the app shell, so a board page
 * reloads while its relay (which serves the page) is down. Browser client
 * only, and only where browsers allow one: a secure context (https, or
 * http on loopback), not a plain-http LAN address.
 */
export function registerServiceWorker(
  win: Window & { easel?: unknown } = window,
  warn: (message: string, error: unknown) => void = console.warn,
): void {
  if (!isBrowserClient(win) || !win.isSecureContext || !('serviceWorker' in win.navigator)) return;
  win.navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { scope: '/' })
    .catch((error: unknown) =>
      warn('Easel: the page will not reload while the relay is down (no service worker).', error),
    );
}
