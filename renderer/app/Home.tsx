import { useState } from 'react';
import { JoinSessionLink } from '../desktop/join/JoinSessionLink';
import { newBoardId } from './board-id';
import { Link } from './Link';
import { navigate } from './navigation';
import { browserStorage, readRecentBoards } from './recent-boards';
import { boardPath } from './route';

/** Start a new board, or go back to one opened lately. */
export function Home() {
  const [recent] = useState(() => readRecentBoards(browserStorage()));
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Easel</h1>
      <button type="button" onClick={() => navigate(boardPath(newBoardId()))}>
        New board
      </button>
      <JoinSessionLink />
      {recent.length > 0 && (
        <section>
          <h2>Recent boards</h2>
          <ul>
            {recent.map((board) => (
              <li key={board.boardId}>
                <Link to={boardPath(board.boardId)}>{board.boardId}</Link>{' '}
                <time dateTime={new Date(board.openedAt).toISOString()}>
                  {new Date(board.openedAt).toLocaleString()}
                </time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
