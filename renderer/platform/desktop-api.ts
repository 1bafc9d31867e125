/**
 * `window.easel`, as the desktop preload exposes it (electron/preload/index.ts).
 * Absent in a browser tab. The renderer reaches it only through desktopApi(),
 * so the one global declaration lives here.
 */
import type { EaselDesktopApi } from '../../shared/desktop/api';

declare global {
  interface Window {
    readonly easel?: EaselDesktopApi;
  }
}

/** What may carry the API: `window` in the page, a plain object in tests. */
export interface DesktopHost {
  easel?: { platform?: unknown };
}

/** The desktop API of this host, or null in a browser tab. */
export function desktopApiOf(host: DesktopHost): EaselDesktopApi | null {
  return host.easel?.platform === 'desktop' ? (host.easel as EaselDesktopApi) : null;
}
