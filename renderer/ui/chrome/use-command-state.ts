/**
 * Re-renders a piece of chrome whenever what an action's `enabled` or
 * `checked` reads may have changed: the UI store (but not the viewport, which
 * moves every frame of a pan and which no button of the tool bar reads), the
 * board, or the undo stack. The chrome then asks the registry afresh; nothing
 * is copied.
 */
import { useEffect, useReducer } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BoardSession } from '../../canvas/board-session';
import { useBoardVersion } from '../../canvas/hooks';

const bump = (n: number) => n + 1;

export function useCommandState(session: BoardSession): void {
  useStore(
    session.ui,
    useShallow(({ viewport: _viewport, ...rest }) => rest),
  );
  useBoardVersion(session.board);
  const [, next] = useReducer(bump, 0);
  useEffect(() => session.undo.onChange(() => next()), [session.undo]);
}
