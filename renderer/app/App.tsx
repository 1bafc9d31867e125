import { useBoardSync } from './use-board-sync';

const LABELS = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  synced: 'Saved',
  offline: 'Offline',
} as const;

/** The shell until the canvas lands: which board, and whether it is saved. */
export function App({ relayUrl, boardId }: { relayUrl: string; boardId: string }) {
  const { status, pending } = useBoardSync(relayUrl, boardId);
  const label = status === 'synced' && pending > 0 ? `Saving… (${pending})` : LABELS[status];
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Easel</h1>
      <p>
        Board <strong>{boardId}</strong> on <code>{relayUrl}</code>
      </p>
      <p role="status" aria-live="polite">
        {label}
      </p>
    </main>
  );
}
