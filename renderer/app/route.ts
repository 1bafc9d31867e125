import { BOARD_ID_PATTERN } from '../../shared/protocol';

/**
 * Which screen a page path shows. The relay serves the browser client at `/`
 * and `/b/<boardId>`; the desktop app loads `index.html?relay=…`, which is home
 * too. The path is percent-decoded once, as the relay does, so both agree on
 * which board a link names.
 */
export type Route = { kind: 'home' } | { kind: 'board'; boardId: string } | { kind: 'join' } | { kind: 'not-found' };

const BOARD_PREFIX = '/b/';

export function routeFor(pathname: string): Route {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  if (path === '' || path === '/' || path === '/index.html') return { kind: 'home' };
  if (path === JOIN_PATH) return { kind: 'join' };
  if (path.startsWith(BOARD_PREFIX)) {
    const boardId = path.slice(BOARD_PREFIX.length);
    if (BOARD_ID_PATTERN.test(boardId)) return { kind: 'board', boardId };
  }
  return { kind: 'not-found' };
}

/** The path of a board's page (board ids need no escaping). */
export function boardPath(boardId: string): string {
  return `${BOARD_PREFIX}${boardId}`;
}

export const HOME_PATH = '/';
/** The desktop app's join screen (renderer/desktop/join). */
export const JOIN_PATH = '/join';
