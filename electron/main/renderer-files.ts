import path from 'node:path';
import { BOARD_ID_PATTERN } from '../../shared/protocol';

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
  // The renderer's own routes ("/" and "/b/<boardId>") are its one page.
  const boardRoute = /^\/b\/([^/]+)$/.exec(pathname);
  if (boardRoute) return BOARD_ID_PATTERN.test(boardRoute[1] ?? '') ? path.join(base, 'index.html') : null;
  const file = path.resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(base + path.sep) ? file : null;
}
