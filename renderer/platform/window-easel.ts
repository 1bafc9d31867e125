/**
 * `window.easel`, as the desktop preload exposes it (electron/preload/index.ts);
 * absent in a browser tab. Declared once here so the renderer and the e2e
 * specs (which call it from the page) type it the same way. Code reaches it
 * through createPlatform (./index.ts) or desktopApi (../desktop/desktop-api.ts).
 */
import type { EaselDesktopApi } from '../../shared/desktop/api';

declare global {
  interface Window {
    readonly easel?: EaselDesktopApi;
  }
}
