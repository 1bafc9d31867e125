import { desktopApi } from '../desktop/desktop-api';
import { JoinScreen } from '../desktop/join/JoinScreen';
import { BoardView } from './BoardView';
import { Home } from './Home';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/navigation';
import { HOME_PATH } from '../routing/route';

/** Picks the screen for the current path: home, a board, or not found. */
export function App({ relayUrl, displayName, token }: { relayUrl: string; displayName?: string; token?: string }) {
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
