import path from 'node:path';
import { BOARD_PREFIX, pageRouteFor } from '../../shared/routes/page-routes';

/**
 * Maps an `app://easel/...` URL to a file under `root`, or null when the URL
 * is for another host or would escape `root` (`..`, encoded or not).
 */
export function rendererFileFor(root: string, requestUrl: string, expectedHost: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== expectedHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = path.resolve(root);
  // Every route of the renderer (shared/routes) is its one page, so a reload on any screen finds it.
  if (pageRouteFor(pathname).kind !== 'not-found') return path.join(base, 'index.html');
  // A path under /b/ that is not a board route names no file either.
  if (pathname.startsWith(BOARD_PREFIX)) return null;
  const file = path.resolve(base, `.${pathname}`);
  return file.startsWith(base + path.sep) ? file : null;
}
