/**
 * Light hints on an empty board: pick a tool, share, `?` for the shortcuts.
 * They go away with the first shape (anyone's) and never take a click: the
 * canvas under them works as usual. The keys named come from the registry.
 */
import { shortcutLabel } from '../actions';
import type { BoardSession } from '../canvas/board-session';
import { useBoardVersion } from '../canvas/hooks';

export function EmptyBoardHints({ session }: { session: BoardSession }) {
  const { board, live, registry, actions } = session;
  useBoardVersion(board);
  // The index's count: reading the whole board here cost a sort of every shape per edit on a big board.
  if (live.count > 0) return null;
  const key = (id: string) => {
    const action = registry.get(id);
    return action ? shortcutLabel(action, actions.isMac) : '';
  };
  return (
    <div className="easel-hints" data-testid="empty-board-hints">
      <p>
        Pick a tool from the bar, or press <kbd>{key('tools.rect')}</kbd> for a rectangle, <kbd>{key('tools.pen')}</kbd>{' '}
        to draw, <kbd>{key('tools.text')}</kbd> for text. Double-click anywhere to type.
      </p>
      <p>Share the link from the header to draw together.</p>
      <p>
        <kbd>{key('help.shortcuts')}</kbd> shows every shortcut.
      </p>
    </div>
  );
}
