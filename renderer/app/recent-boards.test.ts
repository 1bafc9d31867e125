import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT_BOARDS,
  readRecentBoards,
  RECENT_BOARDS_KEY,
  nameRecentBoard,
  type RecentBoardsStorage,
  rememberBoard,
} from './recent-boards';

/** The two Storage methods the helpers use, over a Map. */
class FakeStorage implements RecentBoardsStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('recent boards', () => {
  it('starts empty and keeps the most recently opened first, without duplicates', () => {
    const storage = new FakeStorage();
    expect(readRecentBoards(storage)).toEqual([]);
    rememberBoard(storage, 'a', 1);
    rememberBoard(storage, 'b', 2);
    expect(rememberBoard(storage, 'a', 3)).toEqual([
      { boardId: 'a', openedAt: 3 },
      { boardId: 'b', openedAt: 2 },
    ]);
    expect(readRecentBoards(storage).map((board) => board.boardId)).toEqual(['a', 'b']);
    expect(JSON.parse(storage.getItem(RECENT_BOARDS_KEY)!)).toHaveLength(2);
  });

  it("remembers each board's name, keeps it when the board is opened again, and drops an invalid one", () => {
    const storage = new FakeStorage();
    rememberBoard(storage, 'a', 1);
    rememberBoard(storage, 'b', 2);
    nameRecentBoard(storage, 'a', 'Retro');
    expect(readRecentBoards(storage)).toEqual([
      { boardId: 'b', openedAt: 2 },
      { boardId: 'a', openedAt: 1, name: 'Retro' },
    ]);
    expect(rememberBoard(storage, 'a', 3)[0]).toEqual({ boardId: 'a', openedAt: 3, name: 'Retro' });
    nameRecentBoard(storage, 'b', '\u0000bad');
    storage.setItem(RECENT_BOARDS_KEY, JSON.stringify([{ boardId: 'c', openedAt: 1, name: 42 }]));
    expect(readRecentBoards(storage)).toEqual([{ boardId: 'c', openedAt: 1 }]);
  });

  it(`keeps at most ${MAX_RECENT_BOARDS}`, () => {
    const storage = new FakeStorage();
    for (let i = 0; i < 25; i++) rememberBoard(storage, `board-${i}`, i);
    const boards = readRecentBoards(storage);
    expect(boards).toHaveLength(MAX_RECENT_BOARDS);
    expect(boards[0]).toEqual({ boardId: 'board-24', openedAt: 24 });
    expect(boards.at(-1)).toEqual({ boardId: 'board-5', openedAt: 5 });
  });

  it('drops whatever stored data is not a valid list of boards', () => {
    const storage = new FakeStorage();
    for (const junk of ['not json', '{"boardId":"a"}', '42', 'null']) {
      storage.setItem(RECENT_BOARDS_KEY, junk);
      expect(readRecentBoards(storage), junk).toEqual([]);
    }
    storage.setItem(
      RECENT_BOARDS_KEY,
      JSON.stringify([
        { boardId: 'ok', openedAt: 5, extra: true },
        { boardId: 'bad/id', openedAt: 4 },
        { boardId: 'no-time' },
        'string',
        null,
        { boardId: 'ok', openedAt: 1 },
        { boardId: 'ok2', openedAt: 3 },
      ]),
    );
    expect(readRecentBoards(storage)).toEqual([
      { boardId: 'ok', openedAt: 5 },
      { boardId: 'ok2', openedAt: 3 },
    ]);
    expect(rememberBoard(storage, 'new', 9).map((board) => board.boardId)).toEqual(['new', 'ok', 'ok2']);
  });

  it('works without storage, and with a storage that throws', () => {
    expect(readRecentBoards(null)).toEqual([]);
    expect(rememberBoard(null, 'a', 1)).toEqual([{ boardId: 'a', openedAt: 1 }]);
    const broken: RecentBoardsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readRecentBoards(broken)).toEqual([]);
    expect(rememberBoard(broken, 'a', 1)).toEqual([{ boardId: 'a', openedAt: 1 }]);
  });
});
