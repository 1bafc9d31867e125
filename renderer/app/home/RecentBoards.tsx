import { useState } from 'react';
import { UNTITLED_BOARD_NAME } from '../../../shared/model/board-meta';
import { timeAgo } from '../../catalog/relative-time';
import { Link } from '../../routing/Link';
import { browserStorage, readRecentBoards } from '../recent-boards';
import { boardPath } from '../../routing/route';

/**
 * Without the relay's catalog (a browser tab, a guest): the boards opened
 * lately in this browser, each by its name (as it was when last open here)
 * and when it was last opened.
 */
export function RecentBoards() {
  const [recent] = useState(() => readRecentBoards(browserStorage()));
  const [now] = useState(() => Date.now());
  if (recent.length === 0) return null;
  return (
    <section>
      <h2>Recent boards</h2>
      <ul className="recent" data-testid="recent-boards">
        {recent.map((board) => (
          <li key={board.boardId}>
            <Link to={boardPath(board.boardId)} className="card-name">
              {board.name ?? UNTITLED_BOARD_NAME}
            </Link>
            <span className="muted">
              {' '}
              opened{' '}
              <time dateTime={new Date(board.openedAt).toISOString()} title={new Date(board.openedAt).toLocaleString()}>
                {timeAgo(board.openedAt, now)}
              </time>
              {board.name === undefined && <> · {board.boardId}</>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
