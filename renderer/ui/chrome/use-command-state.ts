/**
 * Re-renders a piece of chrome whenever what an action's `enabled` or
 * `checked` reads may have changed: the UI store, the board, or the undo
 * stack. The chrome then asks the registry afresh; nothing is copied.
 */
import { useEffect, useReducer } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from '../../canvas/board-session';
import { useBoardVersion } from '../../canvas/hooks';

const bump = (n: number) => n + 1;

export function useCommandState(session: BoardSession): void {
  useStore(session.ui);
  useBoardVersion(session.board);
  const [, next] = useReducer(bump, 0);
  useEffect(() => session.undo.onChange(() => next()), [session.undo]);
}
