import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

test('a board replaced on the relay is not merged: the page says so and keeps its copy as a new board', async ({
  page,
  browser,
  relay,
}) => {
  const { board, canvas } = await openBoard(page, relay.url, 'replaced');
  await canvas.chooseTool('Rectangle', 'button');
  await canvas.drag([200, 200], [320, 280]);
  await expect(board.status).toHaveText('Saved');
  await expect.poll(() => canvas.shapeCount()).toBe('1');

  // The relay's board is deleted and made again: same id, new epoch, empty.
  await relay.stop();
  await rm(path.join(relay.dataDir, 'boards', 'replaced'), { recursive: true, force: true });
  await relay.start();

  const banner = page.getByTestId('epoch-mismatch');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('replaced on the relay');
  // Nothing merged either way: this page still shows its shape, and the relay's board stays empty.
  expect(await canvas.shapeCount()).toBe('1');
  const other = await browser.newContext();
  const otherView = await openBoard(await other.newPage(), relay.url, 'replaced');
  expect(await otherView.canvas.shapeCount()).toBe('0');

  await banner.getByRole('button', { name: 'Keep my copy as a new board' }).click();
  await expect(page).toHaveURL(/\/b\/(?!replaced)[A-Za-z0-9_-]+/);
  await expect(board.status).toHaveText('Saved');
  await expect.poll(() => canvas.shapeCount()).toBe('1');
  await expect(banner).toHaveCount(0);

  // The copy reached the relay as the new board's content.
  const copyId = board.boardIdFromUrl();
  const fresh = await openBoard(await other.newPage(), relay.url, copyId);
  await expect.poll(() => fresh.canvas.shapeCount()).toBe('1');
  await other.close();
});
