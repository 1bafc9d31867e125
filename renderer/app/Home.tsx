import { useCatalog } from '../catalog/use-catalog';
import { JoinSessionLink } from '../desktop/join/JoinSessionLink';
import { useRelay } from '../desktop/relay/embedded-relay';
import { newBoardId } from '../routing/board-id';
import { BoardsHome } from './home/BoardsHome';
import { HOME_CSS } from './home/home-styles';
import { RecentBoards } from './home/RecentBoards';
import { navigate } from '../routing/navigation';
import { boardPath } from '../routing/route';

/**
 * The home screen. On the desktop host the relay's catalog answers for our
 * token, and home lists every board on this machine; elsewhere it offers a
 * new board and the boards opened lately in this browser. The catalog is
 * the one of the relay this page is on now: the embedded relay moves when
 * sharing starts or stops and when it is restarted after a crash, and
 * `relayUrl` is only where the page was opened.
 */
export function Home({ relayUrl, token }: { relayUrl: string; token?: string }) {
  const relay = useRelay(relayUrl);
  const catalog = useCatalog(relay.url, token);
  return (
    <main className="easel-home">
      <style>{HOME_CSS}</style>
      <h1>Easel</h1>
      <JoinSessionLink />
      {catalog === undefined ? (
        <p className="muted">Loading boards…</p>
      ) : catalog ? (
        <BoardsHome catalog={catalog} />
      ) : (
        <>
          <div className="actions">
            <button type="button" onClick={() => navigate(boardPath(newBoardId()))}>
              New board
            </button>
          </div>
          <RecentBoards />
        </>
      )}
    </main>
  );
}
