import { originOf } from '../ipc/sender';

/**
 * What the app's windows may do beyond their own page
 * (docs/ARCHITECTURE.md#window-factory-and-security): navigate only within the
 * app's origin, hand http(s) links to the system browser, use the clipboard and
 * reach relays on this machine and the LAN; everything else is refused.
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

/** Copy and paste of shapes as text: for the app's pages, the dev server's included. */
const CLIPBOARD_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-read', 'clipboard-sanitized-write']);

/**
 * Chromium's Local Network Access treats a page from app://easel as public, so
 * its fetches and sockets to its own relay on 127.0.0.1 need `loopback-network`,
 * and to a relay on the LAN `local-network` (`local-network-access` is the name
 * Electron still passes for both from older call sites). Only the packaged
 * app's origin gets them: the dev server is on loopback itself and needs none.
 */
const NETWORK_PERMISSIONS: ReadonlySet<string> = new Set(['loopback-network', 'local-network', 'local-network-access']);

export interface PermissionRequest {
  permission: string;
  /** The requesting frame's URL (a request) or origin (a check). */
  requestingUrl: string;
  /** Whether it is the window's top frame: the app has no frames of its own, so a sub-frame gets nothing. */
  isMainFrame: boolean;
}

export interface PermissionPolicy {
  /** app://easel, and the dev server's origin in development. */
  trustedOrigins: readonly string[];
  /** app://easel: the only origin that may reach the local network. */
  appOrigin: string;
}

/**
 * What the session's permission handlers answer: clipboard for the app's own
 * top frame, the local network for its top frame at app://easel, and no to
 * everything else (camera, microphone, location, notifications, MIDI, HID, …).
 */
export function isPermissionAllowed(request: PermissionRequest, policy: PermissionPolicy): boolean {
  const origin = originOf(request.requestingUrl);
  if (!request.isMainFrame || origin === null) return false;
  if (CLIPBOARD_PERMISSIONS.has(request.permission)) return policy.trustedOrigins.includes(origin);
  if (NETWORK_PERMISSIONS.has(request.permission)) return origin === policy.appOrigin;
  return false;
}
