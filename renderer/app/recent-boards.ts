import { BOARD_ID_PATTERN } from '../../shared/protocol';

/**
 * The boards this browser (or desktop app) opened lately, most recent first,
 * kept in localStorage under `easel.recentBoards` as JSON
 * `[{ boardId, openedAt }]`. Whatever is stored is treated as untrusted: bad
 * JSON or bad entries are dropped, and a storage that throws (disabled,
 * private mode, full) just means no list.
 */
export const RECENT_BOARDS_KEY = 'easel.recentBoards';
export const MAX_RECENT_BOARDS = 20;

export interface RecentBoard {
  boardId: string;
  /** Epoch ms. */
  openedAt: number;
}

export type RecentBoardsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readRecentBoards(storage: RecentBoardsStorage | null): RecentBoard[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(RECENT_BOARDS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const seen = new Set<string>();
  const boards: RecentBoard[] = [];
  for (const entry of parsed as unknown[]) {
    if (!isRecentBoard(entry) || seen.has(entry.boardId)) continue;
    seen.add(entry.boardId);
    boards.push({ boardId: entry.boardId, openedAt: entry.openedAt });
    if (boards.length === MAX_RECENT_BOARDS) break;
  }
  return boards;
}

/** Moves (or adds) `boardId` to the front, keeps at most MAX_RECENT_BOARDS, and returns the new list. */
export function rememberBoard(storage: RecentBoardsStorage | null, boardId: string, now = Date.now()): RecentBoard[] {
  const boards = [
    { boardId, openedAt: now },
    ...readRecentBoards(storage).filter((board) => board.boardId !== boardId),
  ].slice(0, MAX_RECENT_BOARDS);
  try {
    storage?.setItem(RECENT_BOARDS_KEY, JSON.stringify(boards));
  } catch {
    // Full or disabled storage: the list is a convenience, not data.
  }
  return boards;
}

/** `window.localStorage`, or null where touching it throws (storage disabled) or it does not exist. */
export function browserStorage(): RecentBoardsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function isRecentBoard(value: unknown): value is RecentBoard {
  if (typeof value !== 'object' || value === null) return false;
  const { boardId, openedAt } = value as Record<string, unknown>;
  return (
    typeof boardId === 'string' &&
    BOARD_ID_PATTERN.test(boardId) &&
    typeof openedAt === 'number' &&
    Number.isFinite(openedAt)
  );
}
