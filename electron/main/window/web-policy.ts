import { originOf } from '../ipc/sender';

/**
 * What the app's windows may do beyond their own page (docs/ARCHITECTURE.md#window-factory-and-security): navigate
 * only within the app's origin, hand http(s) links to the system browser, and
 * use the clipboard; everything else is refused.
 */

/** Full navigations that stay in the app (a reload, a route opened by URL); anything else is refused. */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The URL to give `shell.openExternal` for a link the page tried to open in a
 * new window, or null. Only plain http(s) URLs, without credentials or control
 * characters: other schemes would start other programs (file:, smb:, custom
 * protocol handlers).
 */
export function externalUrlToOpen(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH || [...url].some(isControlOrSpace)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

const isControlOrSpace = (char: string) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f;

/** Copy and paste of shapes as text; no camera, microphone, location, notifications, MIDI, HID, … */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-read', 'clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  const origin = originOf(requestingUrl);
  return ALLOWED_PERMISSIONS.has(permission) && origin !== null && trustedOrigins.includes(origin);
}
