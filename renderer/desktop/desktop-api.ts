import type { EaselDesktopApi } from '../../shared/desktop';
import { isDesktop } from '../platform';

/**
 * `window.easel` as its type (shared/desktop/api.ts), or null in a browser
 * tab. The share dialog and the join screen exist only in the desktop app, so
 * they ask here and render nothing where it is null.
 */
export function desktopApi(host: object = window): EaselDesktopApi | null {
  const candidate = host as { easel?: { platform?: unknown } };
  return isDesktop(candidate) ? (candidate.easel as EaselDesktopApi) : null;
}
