import { boardNameSchema } from '../../shared/model/board-meta';
import { BOARD_ID_PATTERN } from '../../shared/protocol';

/**
 * The boards this browser (or desktop app) opened lately, most recent first,
 * kept in localStorage under `easel.recentBoards` as JSON
 * `[{ boardId, openedAt, name? }]` (the name as the board had it when last
 * open here, so Home can show names without loading every board). Whatever is stored is treated as untrusted: bad
 * JSON or bad entries are dropped, and a storage that throws (disabled,
 * private mode, full) just means no list.
 */
export const RECENT_BOARDS_KEY = 'easel.recentBoards';
export const MAX_RECENT_BOARDS = 20;

export interface RecentBoard {
  boardId: string;
  /** Epoch ms. */
  openedAt: number;
  /** The board's name when it was last open here; absent while it had none. */
  name?: string;
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
    const name = boardNameSchema.safeParse((entry as { name?: unknown }).name);
    boards.push({ boardId: entry.boardId, openedAt: entry.openedAt, ...(name.success ? { name: name.data } : {}) });
    if (boards.length === MAX_RECENT_BOARDS) break;
  }
  return boards;
}

/** Moves (or adds) `boardId` to the front, keeps at most MAX_RECENT_BOARDS, and returns the new list. */
export function rememberBoard(storage: RecentBoardsStorage | null, boardId: string, now = Date.now()): RecentBoard[] {
  const earlier = readRecentBoards(storage);
  const known = earlier.find((board) => board.boardId === boardId);
  const boards = [{ ...known, boardId, openedAt: now }, ...earlier.filter((board) => board.boardId !== boardId)].slice(
    0,
    MAX_RECENT_BOARDS,
  );
  write(storage, boards);
  return boards;
}

/** Records the name of a board in the list (it was renamed, or its name arrived); its place stays. */
export function nameRecentBoard(storage: RecentBoardsStorage | null, boardId: string, name: string): RecentBoard[] {
  const parsed = boardNameSchema.safeParse(name);
  const boards = readRecentBoards(storage).map((board) =>
    board.boardId === boardId && parsed.success ? { ...board, name: parsed.data } : board,
  );
  write(storage, boards);
  return boards;
}

function write(storage: RecentBoardsStorage | null, boards: RecentBoard[]): void {
  try {
    storage?.setItem(RECENT_BOARDS_KEY, JSON.stringify(boards));
  } catch {
    // Full or disabled storage: the list is a convenience, not data.
  }
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
