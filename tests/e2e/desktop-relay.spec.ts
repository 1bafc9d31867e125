import '../../renderer/platform/window-easel';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
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
