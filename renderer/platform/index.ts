/**
 * Which Platform this renderer runs on: the desktop preload exposes
 * `window.easel` with `platform: 'desktop'`; anything else is a browser tab.
 */
import type { Platform } from './platform';
import { webPlatform } from './web';

export type {
  FileData,
  FilePort,
  OpenedFile,
  OpenFileRequest,
  Platform,
  SaveFileRequest,
  SaveFileResult,
} from './platform';
export { MemoryFiles } from './memory';
export { webPlatform } from './web';

/** What the desktop preload puts on `window` (electron/preload/index.ts). */
interface DesktopHost {
  easel?: { platform?: unknown };
}

export function isDesktop(host: DesktopHost): boolean {
  return host.easel?.platform === 'desktop';
}

/**
 * The seam for the desktop shell: its preload does not offer file dialogs yet,
 * so it gets the web implementation (downloads and `<input type=file>` work in
 * Electron too) under its own name. A desktop implementation over
 * `window.easel` replaces that branch when the preload grows one.
 */
export function createPlatform(host: DesktopHost): Platform {
  return isDesktop(host) ? { ...webPlatform(), kind: 'desktop' } : webPlatform();
}

let platform: Platform | undefined;

/** The platform of this window, made once. */
export function getPlatform(): Platform {
  platform ??= createPlatform(globalThis as DesktopHost);
  return platform;
}
