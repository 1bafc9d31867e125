import '../../renderer/platform/window-easel';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { BoardsHomePage } from './pages/boards-home-page';
import { CanvasPage } from './pages/canvas-page';
import { shapesOnRelay } from './support/relay-shapes';

test('sharing moves the relay; the open board follows in place and loses nothing', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await desktop.openBoard('desk-move');
  await expect(board.status).toHaveText('Saved');
  await expect.poll(() => desktop.follows()).toBe(true);
  await canvas.drawRectangle([100, 100], [200, 180]);
  await expect(board.status).toHaveText('Saved');
  const before = desktop.relayInfo().url;
  // Marks this document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const started = await page.evaluate(() => window.easel?.share.start({ boardId: 'desk-move' }));
  expect(started).toMatchObject({ ok: true, value: { sharing: true } });
  const after = desktop.relayInfo().url;
  expect(after).not.toBe(before);
  await canvas.drawRectangle([260, 100], [360, 180]);
  await expect(board.status).toHaveText('Saved');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(new URL(page.url()).searchParams.get('relay')).toBe(after);
  await expect(page.getByText(after ?? 'no url')).toBeVisible();

  const { token } = desktop.relayInfo();
  await expect.poll(async () => (await shapesOnRelay(after ?? '', token, 'desk-move')).size).toBe(2);
  // Both shapes came through the move, and undo still knows the first one.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await expect.poll(async () => (await shapesOnRelay(after ?? '', token, 'desk-move')).size).toBe(0);
});

test('a crashed relay comes back and the page resyncs what was drawn meanwhile', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await desktop.openBoard('desk-crash');
  await expect(board.status).toHaveText('Saved');
  await expect.poll(() => desktop.follows()).toBe(true);
  await canvas.drawRectangle([100, 100], [200, 180]);
  await expect(board.status).toHaveText('Saved');

  process.kill(desktop.relayPid(), 'SIGKILL');
  await canvas.drawRectangle([260, 100], [360, 180]);
  await expect.poll(() => desktop.relayInfo().state, { timeout: 15_000 }).toBe('running');
  await expect(board.status).toHaveText('Saved', { timeout: 15_000 });
  const { url, token } = desktop.relayInfo();
  expect((await shapesOnRelay(url ?? '', token, 'desk-crash')).size).toBe(2);
  await expect(page.getByTestId('relay-state')).toHaveCount(0);
});

test('home follows the relay when sharing moves it: renaming and new boards go to the relay now', async ({
  desktop,
  page,
}) => {
  const home = new BoardsHomePage(page);
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await page.goto(desktop.pageUrl('/', { e2e: '1' }));
  await expect(home.newBoardButton).toBeVisible();
  await expect.poll(() => desktop.follows()).toBe(true);
  await home.newBoardButton.click();
  await expect(board.status).toHaveText('Saved');
  const first = board.boardIdFromUrl();
  await canvas.drawRectangle([100, 100], [200, 180]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();
  await expect(home.card(first)).toBeVisible();
  // Marks this document: a reload would lose it, and a reload would read the new ?relay= anyway.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const before = desktop.relayInfo().url;
  const started = await page.evaluate(() => window.easel?.share.start({}));
  expect(started).toMatchObject({ ok: true, value: { sharing: true } });
  const after = desktop.relayInfo().url;
  expect(after).not.toBe(before);
  await expect.poll(() => new URL(page.url()).searchParams.get('relay')).toBe(after);

  await home.rename(first, 'Moved along');
  await expect(home.nameOf(first)).toHaveText('Moved along');
  await expect(home.error).toHaveCount(0);

  await home.newBoardButton.click();
  await expect(board.status).toHaveText('Saved');
  const second = board.boardIdFromUrl();
  await canvas.drawRectangle([120, 120], [220, 200]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();
  await expect(home.card(second)).toBeVisible();
  await expect(home.nameOf(first)).toHaveText('Moved along');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('home follows the relay when it comes back from a crash on another port', async ({ desktop, page }) => {
  const home = new BoardsHomePage(page);
  const board = new BoardPage(page);
  await page.goto(desktop.pageUrl('/', { e2e: '1' }));
  await expect(home.newBoardButton).toBeVisible();
  await expect.poll(() => desktop.follows()).toBe(true);
  await home.newBoardButton.click();
  await expect(board.status).toHaveText('Saved');
  const boardId = board.boardIdFromUrl();
  await new CanvasPage(page).drawRectangle([100, 100], [200, 180]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();
  await expect(home.card(boardId)).toBeVisible();

  const before = desktop.relayInfo().url;
  process.kill(desktop.relayPid(), 'SIGKILL');
  // Without sharing it comes back on a fresh loopback port.
  await expect
    .poll(() => desktop.relayInfo(), { timeout: 15_000 })
    .toMatchObject({ state: 'running', url: expect.not.stringMatching(`^${before}$`) });
  await expect.poll(() => new URL(page.url()).searchParams.get('relay')).toBe(desktop.relayInfo().url);

  await home.rename(boardId, 'After the crash');
  await expect(home.nameOf(boardId)).toHaveText('After the crash');
  await expect(home.error).toHaveCount(0);
});
