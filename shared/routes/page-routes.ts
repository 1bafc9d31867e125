import { BOARD_ID_PATTERN } from '../protocol';

/**
 * The renderer's page routes, in one table for everyone who must agree on
 * them: the renderer picks its screen by them (renderer/routing/route.ts), and
 * whoever serves the built client (the app:// protocol in electron/main, the
 * relay for browsers) answers index.html for them, so a reload on any screen
 * gets the page back instead of a 404.
 */
export type PageRoute =
  { kind: 'home' } | { kind: 'board'; boardId: string } | { kind: 'join' } | { kind: 'not-found' };

export const HOME_PATH = '/';
/** The desktop app's join screen (renderer/desktop/join); a browser tab explains it is a desktop feature. */
export const JOIN_PATH = '/join';
export const BOARD_PREFIX = '/b/';

/** The route of an already percent-decoded path. */
export function pageRouteFor(decodedPath: string): PageRoute {
  if (decodedPath === '' || decodedPath === HOME_PATH || decodedPath === '/index.html') return { kind: 'home' };
  if (decodedPath === JOIN_PATH) return { kind: 'join' };
  if (decodedPath.startsWith(BOARD_PREFIX)) {
    const boardId = decodedPath.slice(BOARD_PREFIX.length);
    if (BOARD_ID_PATTERN.test(boardId)) return { kind: 'board', boardId };
  }
  return { kind: 'not-found' };
}

/** The path of a board's page (board ids need no escaping). */
export function boardPath(boardId: string): string {
  return `${BOARD_PREFIX}${boardId}`;
}
