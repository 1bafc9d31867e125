import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElectronApplication } from '@playwright/test';
import { BoardPage } from '../e2e/pages/board-page';
import { BoardTitle } from '../e2e/pages/boards-home-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { desktop, expect, openBoard, runningRelay, test } from './fixtures';

/**
 * The native application menu, built by the main process from the template
 * the board page sends, runs the page's actions: a menu item is clicked the
 * way Electron does when a person picks it, and the page acts on it.
 */

/** Clicks the native menu item `id`; false when the menu has no such item (yet). */
const clickMenuItem = (electronApp: ElectronApplication, id: string) =>
  electronApp.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) return false;
    item.click();
    return true;
  }, id);

/** Whether the native menu item `id` shows a check mark; null when there is no such item. */
const menuItemChecked = (electronApp: ElectronApplication, id: string) =>
  electronApp.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.checked ?? null, id);

test('a tool picked from the native Board menu is the page’s tool, and the menu’s check mark follows', async ({
  easel,
}) => {
  const { app, page } = await easel.start();
  const canvas = new CanvasPage(page);
  await openBoard(page, await runningRelay(page), 'menu-e2e');
  await expect(new BoardPage(page).status).toHaveText('Saved');
  await expect.poll(() => menuItemChecked(app, 'tools.select')).toBe(true);

  expect(await clickMenuItem(app, 'tools.ellipse')).toBe(true);
  await expect(canvas.tool('Ellipse')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => menuItemChecked(app, 'tools.ellipse')).toBe(true);
  expect(await menuItemChecked(app, 'tools.select')).toBe(false);

  expect(await clickMenuItem(app, 'tools.pen')).toBe(true);
  await expect(canvas.tool('Pen')).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.tool('Ellipse')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => menuItemChecked(app, 'tools.pen')).toBe(true);
});

test('Help has Check for Updates…; an unpackaged run says in its log that updates are off, and has none to install', async ({
  easel,
}) => {
  const { app, page, profile } = await easel.start();
  await expect
    .poll(() =>
      app.evaluate(({ Menu }) => {
        const help = Menu.getApplicationMenu()?.items.find((item) => item.role === 'help');
        return help?.submenu?.getMenuItemById('checkForUpdates')?.label ?? null;
      }),
    )
    .toBe('Check for Updates…');
  const mainLog = () => readFile(path.join(profile, 'logs', 'main.log'), 'utf8').catch(() => '');
  await expect.poll(mainLog).toMatch(/"event":"updates-off".*not packaged/);

  // The update channels through the real preload and the main process's sender checks.
  expect(await desktop(page, (api) => api.updates.status(), null)).toEqual({
    phase: 'idle',
    version: null,
    percent: null,
    pending: 0,
  });
  expect(await desktop(page, (api) => api.updates.reportPending({ pending: 2 }), null)).toBeUndefined();
  await expect(desktop(page, (api) => api.updates.restart(), null)).rejects.toThrow(
    'UNAVAILABLE: No update has been downloaded yet.',
  );
});

/** What the Edit menu's Cut, Copy and Paste roles do: the editing command in the window's page. */
const editRole = (electronApp: ElectronApplication, role: 'cut' | 'copy' | 'paste') =>
  electronApp.evaluate(({ BrowserWindow }, command) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    if (!contents) throw new Error('no window');
    contents[command]();
  }, role);
const systemClipboard = (electronApp: ElectronApplication) =>
  electronApp.evaluate(({ clipboard }) => clipboard.readText());

test('the Edit menu’s Copy and Paste roles work on a focused text field’s text, and on the board’s shapes otherwise', async ({
  easel,
}) => {
  const { app, page } = await easel.start();
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await openBoard(page, await runningRelay(page), 'menu-roles-e2e');
  await expect(new BoardPage(page).status).toHaveText('Saved');
  // Edit always has the roles (Home's was empty, so Cmd+C/V did nothing in its fields on macOS).
  const editRoles = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()
      ?.items.find((item) => item.label === '&Edit')
      ?.submenu?.items.map((item) => item.role ?? item.id),
  );
  expect(editRoles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));

  await canvas.drawRectangle([100, 100], [220, 180]);
  const [shape] = await canvas.shapes();
  await editRole(app, 'copy');
  await expect.poll(() => systemClipboard(app)).toContain(`"id":"${shape!.id}"`);

  await title.title.click();
  await title.input.fill('Team retro');
  await title.input.selectText();
  await editRole(app, 'copy');
  await expect.poll(() => systemClipboard(app)).toBe('Team retro');
  await title.input.press('End');
  await editRole(app, 'paste');
  await expect(title.input).toHaveValue('Team retroTeam retro');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await title.input.press('Escape');
  await canvas.hover([400, 300]);
  await app.evaluate(({ clipboard }, text) => clipboard.writeText(text), 'From another app');
  await editRole(app, 'paste');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
});
