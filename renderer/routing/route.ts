import { type PageRoute, pageRouteFor } from '../../shared/routes/page-routes';

export { boardPath, HOME_PATH, JOIN_PATH } from '../../shared/routes/page-routes';

/**
 * Which screen a page path shows (the route table is shared/routes, which the
 * app:// protocol and the relay serve index.html for). The relay serves the
 * browser client at `/` and `/b/<boardId>`; the desktop app loads
 * `index.html?relay=…`, which is home too. The path is percent-decoded once,
 * as the relay does, so both agree on which board a link names.
 */
export type Route = PageRoute;

export function routeFor(pathname: string): Route {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  return pageRouteFor(path);
}
