import { useState } from 'react';
import { Link } from '../Link';
import { browserStorage, readRecentBoards } from '../recent-boards';
import { boardPath } from '../route';

/** Without the relay's catalog (a browser tab, a guest): the boards opened lately in this browser. */
export function RecentBoards() {
  const [recent] = useState(() => readRecentBoards(browserStorage()));
  if (recent.length === 0) return null;
  return (
    <section>
      <h2>Recent boards</h2>
      <ul>
        {recent.map((board) => (
          <li key={board.boardId}>
            <Link to={boardPath(board.boardId)}>{board.boardId}</Link>{' '}
            <time dateTime={new Date(board.openedAt).toISOString()}>{new Date(board.openedAt).toLocaleString()}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
