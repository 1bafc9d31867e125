import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { EaselDesktopApi } from '../../../shared/desktop/api';
import type { MenuActionEvent, MenuTemplate } from '../../../shared/desktop/menu';
import { MemoryClipboard } from '../../actions';
import { FakeExportRenderer, rect } from '../../actions/test-context';
import { createBoardSession } from '../../canvas/board-session';
import { MemoryFiles } from '../../platform';
import { createThemeStore } from '../../theme/theme-store';
import { connectNativeMenu, MENU_REFRESH_DELAY_MS } from './native-menu';

/** `window.easel.menu` in memory: what was sent, and a way to choose an item. */
function fakeMenu() {
  const sent: MenuTemplate[] = [];
  const listeners = new Set<(event: MenuActionEvent) => void>();
  const menu: EaselDesktopApi['menu'] = {
    setTemplate: async (template) => {
      sent.push(template);
      return { ok: true, value: undefined };
    },
    onAction: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { menu, sent, listeners, choose: (id: string) => listeners.forEach((listener) => listener({ id })) };
}

function session() {
  return createBoardSession(new Y.Doc(), {
    clipboard: new MemoryClipboard(),
    files: new MemoryFiles(),
    exporter: new FakeExportRenderer(),
    isMac: false,
    boardName: 'menu-test',
    theme: createThemeStore(null, 'light'),
  });
}

const item = (template: MenuTemplate | undefined, id: string) => template?.find((entry) => entry.id === id);

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the native menu of an open board', () => {
  it('is sent at once, then again only when something it shows changed, batched', async () => {
    const board = session();
    const fake = fakeMenu();
    const disconnect = connectNativeMenu(board, fake);
    expect(fake.sent).toHaveLength(1);
    expect(item(fake.sent[0], 'edit.undo')?.enabled).toBe(false);

    board.board.create([rect('a')]);
    board.board.create([rect('b')]);
    expect(fake.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MENU_REFRESH_DELAY_MS);
    expect(fake.sent).toHaveLength(2);
    expect(item(fake.sent[1], 'edit.undo')?.enabled).toBe(true);

    // A change the menu does not show (a third shape: undo stays enabled) sends nothing.
    board.board.create([rect('c')]);
    await vi.advanceTimersByTimeAsync(MENU_REFRESH_DELAY_MS);
    expect(fake.sent).toHaveLength(2);

    disconnect();
    expect(fake.listeners.size).toBe(0);
    // Back to the app's menu without a board (the Edit menu's roles).
    expect(fake.sent.at(-1)).toEqual([]);
  });

  it('performs the action a chosen item names; an unknown id does nothing', async () => {
    const board = session();
    const fake = fakeMenu();
    connectNativeMenu(board, fake);
    board.board.create([rect('a')]);
    fake.choose('edit.undo');
    expect(board.board.all()).toEqual([]);
    fake.choose('edit.nothingLikeThis');
    fake.choose('tools.pen');
    await vi.advanceTimersByTimeAsync(MENU_REFRESH_DELAY_MS);
    expect(item(fake.sent.at(-1), 'tools.pen')?.checked).toBe(true);
  });
});
