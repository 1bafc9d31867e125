import { type KeyboardEvent, useEffect, useState } from 'react';
import { boardNameSchema, UNTITLED_BOARD_NAME } from '../../../shared/model/board-meta';
import { MAX_BOARD_NAME_LENGTH } from '../../../shared/model/limits';
import type { BoardSummary, CatalogClient } from '../../catalog/catalog-client';
import { timeAgo } from '../../catalog/relative-time';
import { Link } from '../../routing/Link';
import { boardPath } from '../../routing/route';

/** An object URL of the board's thumbnail, fetched with the token (an `<img src>` cannot send it). */
function useThumbnail(catalog: CatalogClient, board: BoardSummary): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!board.thumbnail) return;
    let objectUrl: string | null = null;
    let current = true;
    void catalog.thumbnail(board.id).then(
      (blob) => {
        if (!current || !blob) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => undefined, // no picture is shown; the card still works
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [catalog, board.id, board.thumbnail, board.updatedAt]);
  return board.thumbnail ? url : null;
}

/** One board on the home screen: its picture, name and last change; open, rename inline, delete. */
export function BoardCard({
  board,
  catalog,
  nowMs,
  onRename,
  onDelete,
}: {
  board: BoardSummary;
  catalog: CatalogClient;
  nowMs: number;
  /** Resolves with an error message to show, or null once renamed. */
  onRename: (name: string) => Promise<string | null>;
  onDelete: () => void;
}) {
  const thumbnail = useThumbnail(catalog, board);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = board.name ?? UNTITLED_BOARD_NAME;

  const save = async () => {
    if (draft === null) return;
    const parsed = boardNameSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'not a valid name');
    const failure = parsed.data === board.name ? null : await onRename(parsed.data);
    if (failure) return setError(failure);
    setDraft(null);
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void save();
    else if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };

  return (
    <li className="card" data-testid="board-card" data-board-id={board.id}>
      <Link to={boardPath(board.id)} aria-label={`Open ${name}`} tabIndex={-1}>
        {thumbnail ? (
          <img className="thumb" src={thumbnail} alt="" data-testid="board-card-thumbnail" />
        ) : (
          <span className="thumb" aria-hidden="true" />
        )}
      </Link>
      <div className="card-body">
        {draft === null ? (
          <Link className="card-name" to={boardPath(board.id)} data-testid="board-card-name" title={name}>
            {name}
          </Link>
        ) : (
          <input
            aria-label="Board name"
            data-testid="board-card-name-input"
            autoFocus
            value={draft}
            maxLength={MAX_BOARD_NAME_LENGTH}
            placeholder={UNTITLED_BOARD_NAME}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
            onKeyDown={onKeyDown}
            style={{ font: 'inherit', fontWeight: 600 }}
          />
        )}
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
        <time className="muted" dateTime={board.updatedAt} data-testid="board-card-updated">
          edited {timeAgo(Date.parse(board.updatedAt), nowMs)}
        </time>
        <div className="card-actions">
          <button type="button" data-testid="board-card-rename" onClick={() => setDraft(board.name ?? '')}>
            Rename
          </button>
          <button type="button" data-testid="board-card-delete" onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
