import { useEffect } from 'react';
import { Link } from './Link';
import { browserStorage, rememberBoard } from './recent-boards';
import { HOME_PATH } from './route';
import { useBoardSync } from './use-board-sync';

const LABELS = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  synced: 'Saved',
  offline: 'Offline',
} as const;

/** The shell until the canvas lands: which board, and whether it is saved. */
export function BoardView({
  relayUrl,
  boardId,
  displayName,
}: {
  relayUrl: string;
  boardId: string;
  displayName?: string;
}) {
  const { status, pending } = useBoardSync(relayUrl, boardId, displayName);
  useEffect(() => void rememberBoard(browserStorage(), boardId), [boardId]);
  const label = status === 'synced' && pending > 0 ? `Saving… (${pending})` : LABELS[status];
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Easel</h1>
      <p>
        <Link to={HOME_PATH}>All boards</Link>
      </p>
      <p>
        Board <strong>{boardId}</strong> on <code>{relayUrl}</code>
      </p>
      {displayName !== undefined && (
        <p>
          Your name: <strong>{displayName}</strong>
        </p>
      )}
      <p role="status" aria-live="polite">
        {label}
      </p>
    </main>
  );
}
