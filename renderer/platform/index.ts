/**
 * Which Platform this renderer runs on: the desktop preload exposes
 * `window.easel` with `platform: 'desktop'`; anything else is a browser tab.
 */
import type { EaselDesktopApi } from '../../shared/desktop/api';
import { desktopPlatform } from './desktop';
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
export { desktopPlatform } from './desktop';
export { webPlatform } from './web';

/** What the desktop preload puts on `window` (electron/preload/index.ts). */
interface DesktopHost {
  easel?: { platform?: unknown };
}

export function isDesktop(host: DesktopHost): boolean {
  return host.easel?.platform === 'desktop';
}

/** Native dialogs and real files in the desktop app (desktop.ts); downloads and a file picker in a browser tab. */
export function createPlatform(host: DesktopHost): Platform {
  return isDesktop(host) ? desktopPlatform(host.easel as EaselDesktopApi) : webPlatform();
}

let platform: Platform | undefined;

/** The platform of this window, made once. */
export function getPlatform(): Platform {
  platform ??= createPlatform(globalThis as DesktopHost);
  return platform;
}
