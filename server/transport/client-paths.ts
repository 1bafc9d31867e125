import { pageRouteFor } from '../../shared/routes/page-routes';

/**
 * Which file of the built browser client a request path asks for, decided from
 * the path alone (no file system):
 *
 * - the renderer's page routes (shared/routes: `/`, `/index.html`,
 *   `/b/<boardId>` and `/join`) are the app: index.html, never cached without
 *   revalidation (the client routes on `location.pathname`). `/join` is the
 *   desktop app's join screen; served here on purpose, so a browser tab that
 *   lands on it is told so in words instead of getting a JSON 404;
 * - `/assets/<name>` is a hashed Vite asset: cached for a year, immutable;
 * - `/<name>` is another top-level file (favicon, robots.txt): no-cache;
 * - anything else is `none` (a JSON 404).
 *
 * The raw path is percent-decoded exactly once; a path that does not decode,
 * or holds a NUL, a backslash, an empty, `.` or `..` segment, or a name
 * outside `[A-Za-z0-9._-]` (or starting with a dot), is `none`. The caller
 * still resolves the result against the real web root and checks it stays
 * inside: this is the first fence, not the only one.
 */
export type ClientTarget =
  { kind: 'index' } | { kind: 'file'; segments: string[]; cache: 'immutable' | 'no-cache' } | { kind: 'none' };

const NONE: ClientTarget = { kind: 'none' };
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function clientTargetFor(rawPath: string): ClientTarget {
  if (!rawPath.startsWith('/')) return NONE;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return NONE;
  }
  if (path.includes('\0') || path.includes('\\')) return NONE;
  if (pageRouteFor(path).kind !== 'not-found') return { kind: 'index' };

  const segments = path.slice(1).split('/');
  if (!segments.every((segment) => SAFE_NAME.test(segment) && segment !== '..' && segment !== '.')) return NONE;

  const [first, ...rest] = segments;
  // A board route was answered above; anything else under /b/ names no file.
  if (first === 'b') return NONE;
  if (first === 'assets') {
    return rest.length >= 1 ? { kind: 'file', segments, cache: 'immutable' } : NONE;
  }
  return segments.length === 1 ? { kind: 'file', segments, cache: 'no-cache' } : NONE;
}
