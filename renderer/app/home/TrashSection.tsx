import { UNTITLED_BOARD_NAME } from '../../../shared/model/board-meta';
import type { TrashedBoard } from '../../catalog/catalog-client';
import { timeAgo } from '../../catalog/relative-time';

/** Boards deleted in the last 30 days, each with a way back. */
export function TrashSection({
  trash,
  nowMs,
  onRestore,
}: {
  trash: readonly TrashedBoard[];
  nowMs: number;
  onRestore: (board: TrashedBoard) => void;
}) {
  if (trash.length === 0) return null;
  return (
    <section data-testid="trash-section" aria-labelledby="trash-heading">
      <h2 id="trash-heading">Recently deleted</h2>
      <p className="muted">Deleted boards are kept for 30 days.</p>
      <ul style={{ listStyle: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
        {trash.map((board) => {
          const name = board.name ?? UNTITLED_BOARD_NAME;
          return (
            <li key={board.id} data-testid="trash-item" data-board-id={board.id}>
              <strong>{name}</strong>{' '}
              <span className="muted">deleted {timeAgo(Date.parse(board.deletedAt), nowMs)}</span>{' '}
              <button
                type="button"
                data-testid="restore-board"
                aria-label={`Restore ${name}`}
                onClick={() => onRestore(board)}
              >
                Restore
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
