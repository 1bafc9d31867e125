import { useCallback, useEffect, useState } from 'react';
import { UNTITLED_BOARD_NAME } from '../../../shared/model/board-meta';
import { BOARD_FILE_ACCEPT } from '../../actions/file-actions';
import { boardFromFile } from '../../routing/board-from-file';
import type { BoardSummary, CatalogClient, TrashedBoard } from '../../catalog/catalog-client';
import { CATALOG_CHANGED_EVENT } from '../../catalog/use-thumbnail-upload';
import { getPlatform } from '../../platform';
import { newBoardId } from '../../routing/board-id';
import { seedBoard } from '../../routing/board-seeds';
import { navigate } from '../../routing/navigation';
import { boardPath } from '../../routing/route';
import { BoardCard } from './BoardCard';
import { TrashSection } from './TrashSection';
import { UndoToast } from './UndoToast';

/** "edited 5 min ago" is redrawn this often (ms). */
const CLOCK_TICK_MS = 30_000;

/**
 * The desktop home screen: every board the relay holds on this machine, from
 * its catalog, with new, open a file, rename, delete (Undo, and Recently
 * deleted for 30 days).
 */
export function BoardsHome({ catalog }: { catalog: CatalogClient }) {
  const [boards, setBoards] = useState<BoardSummary[] | null>(null);
  const [trash, setTrash] = useState<TrashedBoard[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Why the list could not be read: cleared by the next read that works (e.g. once a crashed relay is back),
  // unlike `error`, which says why something the person did failed.
  const [listError, setListError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<TrashedBoard | null>(null);
  const [nowMs, setNowMs] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    try {
      const [listed, trashed] = await Promise.all([catalog.list(), catalog.listTrash()]);
      setBoards(listed);
      setTrash(trashed);
      setNowMs(Date.now());
      setListError(null);
    } catch (failure) {
      setListError(message(failure));
    }
  }, [catalog]);

  useEffect(() => {
    void refresh();
    const tick = setInterval(() => setNowMs(Date.now()), CLOCK_TICK_MS);
    // A thumbnail saved as I left a board lands after this screen first listed.
    const onChanged = () => void refresh();
    window.addEventListener(CATALOG_CHANGED_EVENT, onChanged);
    return () => {
      clearInterval(tick);
      window.removeEventListener(CATALOG_CHANGED_EVENT, onChanged);
    };
  }, [refresh]);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(message(failure));
    }
    await refresh();
  };

  const rename = async (board: BoardSummary, name: string): Promise<string | null> => {
    try {
      await catalog.rename(board.id, name);
      await refresh();
      return null;
    } catch (failure) {
      return message(failure);
    }
  };
  const remove = (board: BoardSummary) =>
    run(async () => {
      setDeleted(await catalog.remove(board.id));
    });
  const restore = (board: TrashedBoard) =>
    run(async () => {
      setDeleted((shown) => (shown?.id === board.id ? null : shown));
      await catalog.restore(board.id);
    });
  const closeToast = useCallback(() => setDeleted(null), []);

  const openFile = async () => {
    setError(null);
    try {
      const file = await getPlatform().openFile({ accept: BOARD_FILE_ACCEPT });
      if (!file) return;
      const opened = boardFromFile(file.name, file.bytes);
      if (!opened.ok) return setError(opened.message);
      const boardId = newBoardId();
      seedBoard(boardId, opened.update, opened.images);
      navigate(boardPath(boardId));
    } catch (failure) {
      setError(message(failure));
    }
  };

  return (
    <>
      <div className="actions">
        <button type="button" data-testid="new-board" onClick={() => navigate(boardPath(newBoardId()))}>
          New board
        </button>
        <button type="button" data-testid="open-board-file" onClick={() => void openFile()}>
          Open a file…
        </button>
      </div>
      {(error ?? listError) && (
        <p role="alert" className="error" data-testid="home-error">
          {error ?? listError}
        </p>
      )}
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">Boards on this computer</h2>
        {boards === null ? (
          <p className="muted">Loading boards…</p>
        ) : boards.length === 0 ? (
          <p className="muted">No boards yet. Start one with New board.</p>
        ) : (
          <ul className="grid" data-testid="board-grid">
            {boards.map((board) => (
              <BoardCard
                key={board.id}
                board={board}
                catalog={catalog}
                nowMs={nowMs}
                onRename={(name) => rename(board, name)}
                onDelete={() => void remove(board)}
              />
            ))}
          </ul>
        )}
      </section>
      <TrashSection trash={trash} nowMs={nowMs} onRestore={(board) => void restore(board)} />
      {deleted && (
        <UndoToast
          message={`Deleted “${deleted.name ?? UNTITLED_BOARD_NAME}”.`}
          onUndo={() => void restore(deleted)}
          onClose={closeToast}
        />
      )}
    </>
  );
}

function message(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
