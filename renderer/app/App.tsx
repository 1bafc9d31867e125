import { lazy, Suspense } from 'react';
import { desktopApi } from '../desktop/desktop-api';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/navigation';
import { HOME_PATH } from '../routing/route';
import { BoardView } from './BoardView';

// Home and the join screen (desktop only) are chunks of their own, fetched when shown
// (docs/ARCHITECTURE.md#app-and-ui). The board is in the page's own script: links are to boards, and
// on a slow link the extra round trip for a board chunk cost more than Home's few kilobytes save
// (bench:load: 1.85 s and 245 KB to a usable toolbar, against 2.17 s and 271 KB with the board lazy).
const Home = lazy(() => import('./Home').then((module) => ({ default: module.Home })));
const JoinScreen = lazy(() => import('../desktop/join/JoinScreen').then((module) => ({ default: module.JoinScreen })));

/** Picks the screen for the current path: home, a board, or not found. */
export function App(props: { relayUrl: string; displayName?: string; token?: string }) {
  return (
    <Suspense fallback={null}>
      <Screen {...props} />
    </Suspense>
  );
}

function Screen({ relayUrl, displayName, token }: { relayUrl: string; displayName?: string; token?: string }) {
  const route = useRoute();
  switch (route.kind) {
    case 'home':
      return <Home relayUrl={relayUrl} token={token} />;
    case 'board':
      // Keyed so moving to another board starts from a fresh sync state.
      return (
        <BoardView
          key={route.boardId}
          relayUrl={relayUrl}
          boardId={route.boardId}
          displayName={displayName}
          token={token}
        />
      );
    case 'join': {
      const api = desktopApi();
      if (api) return <JoinScreen api={api} />;
      return (
        <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
          <h1>Easel</h1>
          <p>
            Joining a session from a list is part of the Easel desktop app. Open the join link you were given instead.
          </p>
          <p>
            <Link to={HOME_PATH}>All boards</Link>
          </p>
        </main>
      );
    }
    case 'not-found':
      return (
        <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
          <h1>Easel</h1>
          <p>There is no board at this address.</p>
          <p>
            <Link to={HOME_PATH}>All boards</Link>
          </p>
        </main>
      );
  }
}
