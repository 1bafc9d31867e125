import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { ContextMenuPage } from './pages/context-menu';
import { type LinkRole, ShareDialog } from './pages/share-dialog';
import { shapesOnRelay } from './support/relay-shapes';

/**
 * Passes from the share dialog (issue 12), with the real main-process modules
 * behind the host's page (support/desktop-bridge.ts), the real relay child,
 * and each guest in its own browser context opening the link the dialog
 * shows, reached on 127.0.0.1 instead of the bridge's TEST-NET address.
 */

const LAN_ADDRESS = '192.0.2.10';

interface Guest {
  context: BrowserContext;
  page: Page;
  board: BoardPage;
  canvas: CanvasPage;
}

const guests: BrowserContext[] = [];
test.afterEach(async () => {
  for (const context of guests.splice(0)) await context.close();
});

/** The host's board, with one rectangle, shared; returns the dialog (open) and the shared port. */
async function shareBoard(desktop: { openBoard(id: string): Promise<void> }, page: Page, boardId: string) {
  const share = new ShareDialog(page);
  await desktop.openBoard(boardId);
  const host = new BoardPage(page);
  await expect(host.status).toHaveText('Saved');
  await new CanvasPage(page).drawRectangle([80, 80], [200, 160]);
  await expect(host.status).toHaveText('Saved');
  await share.open();
  await share.start();
  const port = Number(await share.port.textContent());
  return { share, port };
}

/** Opens the dialog's `role` link in a fresh browser, as `name`, on this machine's address. */
async function openLink(
  browser: Browser,
  origin: string,
  share: ShareDialog,
  role: LinkRole,
  name: string,
  boardId?: string,
): Promise<Guest> {
  const link = new URL(await share.linkText(LAN_ADDRESS, role));
  const context = await browser.newContext();
  guests.push(context);
  const page = await context.newPage();
  const query = new URLSearchParams({
    relay: `http://127.0.0.1:${link.port}`,
    t: link.searchParams.get('t') ?? '',
    name,
    e2e: '1',
  });
  await page.goto(`${origin}${boardId === undefined ? link.pathname : `/b/${boardId}`}?${query}`);
  return { context, page, board: new BoardPage(page), canvas: new CanvasPage(page) };
}

test('a viewer sees the board but cannot draw; an editor draws and the host sees it; the join log lists both', async ({
  desktop,
  page,
  browser,
}) => {
  const boardId = 'passes-roles';
  const { share } = await shareBoard(desktop, page, boardId);
  const hostCanvas = new CanvasPage(page);

  const before = await hostCanvas.shapes();
  const viewer = await openLink(browser, desktop.origin, share, 'viewer', 'Vera');
  await expect(viewer.canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(viewer.board.viewOnly).toHaveText('View only');
  await expect(viewer.board.status).toHaveText('Up to date');
  // No drawing tools, no undo: only select and hand.
  await expect(viewer.canvas.tool('Rectangle')).toHaveCount(0);
  await expect(viewer.canvas.tool('Hand')).toBeVisible();
  await expect(viewer.canvas.undoButton).toHaveCount(0);
  // Nor by keys: R leaves select on, and a drag only selects.
  await viewer.canvas.canvas.click({ position: { x: 500, y: 400 } });
  await viewer.page.keyboard.press('r');
  await expect(viewer.canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  await viewer.canvas.drag([300, 300], [420, 380]);
  // A press on the rectangle's outline selects it; for an editor the drag would move it.
  const rect = before[0];
  if (!rect) throw new Error('the host drew no rectangle');
  const outline = await viewer.canvas.toCanvas(rect.x, rect.y + 20);
  await viewer.canvas.drag(outline, [outline[0] + 200, outline[1] + 150]);
  expect(await viewer.canvas.selection()).toEqual([rect.id]);
  await viewer.page.keyboard.press('Delete');
  // The context menu offers no change either.
  const menu = new ContextMenuPage(viewer.page);
  await menu.openAt(outline);
  await expect(menu.item('Delete')).toBeDisabled();
  await expect(menu.item('Copy')).toBeEnabled();
  await viewer.page.keyboard.press('Escape');
  await expect(viewer.canvas.canvas).toHaveAttribute('data-shape-count', '1');
  // Nothing moved or went, on either screen or on the relay.
  expect(await hostCanvas.shapes()).toEqual(before);
  expect(await viewer.canvas.shapes()).toEqual(before);
  const { url, token } = desktop.relayInfo();
  expect((await shapesOnRelay(url ?? '', token, boardId)).size).toBe(1);

  const editor = await openLink(browser, desktop.origin, share, 'editor', 'Eddie');
  await expect(editor.board.status).toHaveText('Saved');
  await expect(editor.board.viewOnly).toHaveCount(0);
  await editor.canvas.drawRectangle([300, 200], [420, 300]);
  await expect(editor.board.status).toHaveText('Saved');
  await expect(hostCanvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(viewer.canvas.canvas).toHaveAttribute('data-shape-count', '2');

  // The dialog lists both, and its join log has both visits with their links.
  await expect(share.person('Vera')).toContainText('View link');
  await expect(share.person('Eddie')).toContainText('Edit link');
  await expect
    .poll(async () => (await share.joinLogRows()).map(([name, via, from]) => [name, via, from]))
    .toEqual(
      expect.arrayContaining([
        ['Eddie', 'Edit link', expect.stringMatching(/127\.0\.0\.1$/)],
        ['Vera', 'View link', expect.stringMatching(/127\.0\.0\.1$/)],
      ]),
    );
});

test('Remove cuts the editor off within a second, says so on its screen, and the Edit link is replaced', async ({
  desktop,
  page,
  browser,
}) => {
  const boardId = 'passes-remove';
  const { share } = await shareBoard(desktop, page, boardId);
  const oldLink = await share.linkText(LAN_ADDRESS, 'editor');
  const editor = await openLink(browser, desktop.origin, share, 'editor', 'Eddie');
  await expect(editor.board.status).toHaveText('Saved');
  await expect(share.removeButton('Eddie')).toBeVisible();

  // When the banner appears on the editor's page, by the same clock as the click on the host's.
  await editor.page.evaluate(() => {
    const record = () => {
      if (document.querySelector('[data-testid="access-ended"]')) {
        (window as unknown as { endedAt: number }).endedAt = Date.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(record);
    observer.observe(document.body, { childList: true, subtree: true });
  });
  const clickedAt = await page.evaluate(() => Date.now());
  await share.removeButton('Eddie').click();
  await expect(editor.board.accessEnded).toContainText('Your access to this board was removed');
  const endedAt = await editor.page.evaluate(() => (window as unknown as { endedAt: number }).endedAt);
  expect(endedAt - clickedAt).toBeLessThan(1_000);
  await expect(editor.board.status).toHaveText('No access');
  await expect(editor.board.retryNow).toHaveCount(0);
  await expect(share.person('Eddie')).toHaveCount(0);
  await expect(share.removed).toContainText('Eddie was removed');
  // A new Edit link replaces the one Eddie had; the old one opens nothing, also after a reload.
  await expect(share.joinUrl(LAN_ADDRESS, 'editor')).not.toHaveText(oldLink);
  await editor.page.reload();
  await expect(editor.board.accessEnded).toContainText('Your access to this board was removed');
});

test('a pass for one board cannot open another', async ({ desktop, page, browser }) => {
  const { share } = await shareBoard(desktop, page, 'passes-this-board');
  // The host has another board with something on it.
  await desktop.openBoard('passes-other-board');
  await new CanvasPage(page).drawRectangle([80, 80], [160, 160]);
  await expect(new BoardPage(page).status).toHaveText('Saved');
  await desktop.openBoard('passes-this-board');
  await share.open();

  const guest = await openLink(browser, desktop.origin, share, 'editor', 'Nosy', 'passes-other-board');
  await expect(guest.board.status).toHaveText('Not opened');
  await expect(guest.board.statusDetail).toContainText('This link opens board passes-this-board only');
  await expect(guest.canvas.canvas).toHaveAttribute('data-shape-count', '0');
});

test('lock and unlock move the editors between editing and viewing, live', async ({ desktop, page, browser }) => {
  const boardId = 'passes-lock';
  const { share } = await shareBoard(desktop, page, boardId);
  const editor = await openLink(browser, desktop.origin, share, 'editor', 'Eddie');
  await expect(editor.board.status).toHaveText('Saved');
  await expect(editor.canvas.tool('Rectangle')).toBeVisible();

  await share.lockButton.click();
  await expect(share.lockState).toContainText('Locked');
  await expect(editor.board.viewOnly).toBeVisible();
  await expect(editor.canvas.tool('Rectangle')).toHaveCount(0);
  await expect(share.person('Eddie')).toContainText('view only');
  // The host still draws (the dialog closed meanwhile: it is modal).
  await page.keyboard.press('Escape');
  await new CanvasPage(page).drawRectangle([300, 300], [380, 360]);
  await expect(editor.canvas.canvas).toHaveAttribute('data-shape-count', '2');

  await share.open();
  await share.unlockButton.click();
  await expect(editor.board.viewOnly).toHaveCount(0);
  await editor.canvas.drawRectangle([420, 120], [520, 200]);
  await expect(editor.board.status).toHaveText('Saved');
  await expect(new CanvasPage(page).canvas).toHaveAttribute('data-shape-count', '3');
});
