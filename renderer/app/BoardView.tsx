import { useEffect } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { useBoardSession } from '../canvas/use-board-session';
import { ErrorBanner } from '../ui/ErrorBanner';
import { FileMenu } from '../ui/FileMenu';
import { StylePanel } from '../ui/StylePanel';
import { Toolbar } from '../ui/Toolbar';
import { UI_CSS } from '../ui/ui-styles';
import { useBoardContextMenu } from '../ui/use-board-context-menu';
import { Link } from './Link';
import { browserStorage, rememberBoard } from './recent-boards';
import { HOME_PATH } from './route';
import { useTestHook } from './test-hook';
import { useBoardSync } from './use-board-sync';

const LABELS = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  synced: 'Saved',
  offline: 'Offline',
} as const;

/** One board: which board and whether it is saved, the toolbar, and the canvas filling the rest. */
export function BoardView({
  relayUrl,
  boardId,
  displayName,
  token,
}: {
  relayUrl: string;
  boardId: string;
  displayName?: string;
  /** The relay's access token, from a join link. */
  token?: string;
}) {
  const { status, pending, doc } = useBoardSync(relayUrl, boardId, displayName, token);
  const session = useBoardSession(doc, boardId);
  useTestHook(session);
  const contextMenu = useBoardContextMenu(session);
  useEffect(() => void rememberBoard(browserStorage(), boardId), [boardId]);
  const label = status === 'synced' && pending > 0 ? `Saving… (${pending})` : LABELS[status];
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        position: 'fixed',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        background: '#fdfdfc',
      }}
    >
      <style>{UI_CSS}</style>
      <header className="easel-bar" style={{ gap: 16 }}>
        <strong>Easel</strong>
        <Link to={HOME_PATH}>All boards</Link>
        <span>
          Board <strong>{boardId}</strong> on <code>{relayUrl}</code>
        </span>
        {displayName !== undefined && (
          <span>
            Your name: <strong>{displayName}</strong>
          </span>
        )}
        <span role="status" aria-live="polite" style={{ marginLeft: 'auto' }}>
          {label}
        </span>
        {session && <FileMenu session={session} />}
      </header>
      {session && (
        <>
          <ErrorBanner notices={session.notices} />
          <Toolbar session={session} />
          <StylePanel session={session} />
          <BoardCanvas session={session} onContextMenu={contextMenu.open} />
          {contextMenu.element}
        </>
      )}
    </main>
  );
}
