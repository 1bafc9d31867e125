/**
 * Subscriptions the canvas renders from. Neither copies board data into
 * React state (docs/ARCHITECTURE.md#where-state-lives): a counter bumps and the view re-reads the source.
 */
import { useEffect, useReducer } from 'react';
import type { BoardDoc } from '../doc';
import type { ToolController } from '../tools';

const bump = (n: number) => n + 1;

/** A number that changes whenever a transaction changed shapes (local or remote). */
export function useBoardVersion(board: BoardDoc): number {
  const [version, next] = useReducer(bump, 0);
  useEffect(() => board.observe(() => next()), [board]);
  return version;
}

/** A number that changes after every event the tools handled, so the preview is re-read. */
export function useControllerTick(controller: ToolController): number {
  const [tick, next] = useReducer(bump, 0);
  useEffect(() => controller.subscribe(() => next()), [controller]);
  return tick;
}
