import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeBoardFile } from '../../shared/model/board-file';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';

test('a board file handed to the running app opens as a new board with its shapes', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const shapes = exampleShapes().slice(0, 3);
  const file = path.join(desktop.tempDir, 'handed.easel');
  await writeFile(file, encodeBoardFile(shapes, { name: 'handed' }));
  await desktop.openBoard('desk-launch-from');
  await expect(board.status).toHaveText('Saved');

  desktop.secondInstance(['/opt/easel/easel', '--some-switch', 'handed.easel'], desktop.tempDir);
  await expect(page).not.toHaveURL(/\/b\/desk-launch-from/);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', String(shapes.length));
  await expect(board.status).toHaveText('Saved');
  expect(board.boardIdFromUrl()).not.toBe('desk-launch-from');
});

test('what arrived before the page listened is opened once it does', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  const file = path.join(desktop.tempDir, 'early.easel');
  await writeFile(file, encodeBoardFile(exampleShapes().slice(0, 2), { name: 'early' }));
  desktop.launch({ kind: 'file', path: file });
  await page.goto(desktop.pageUrl('/', { e2e: '1' }));
  await expect(page).toHaveURL(/\/b\//);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
});

test('a link or file the app cannot open is explained', async ({ desktop, page }) => {
  await desktop.openBoard('desk-launch-bad');
  desktop.secondInstance(['easel://nowhere'], desktop.tempDir);
  const notice = page.getByRole('alert').filter({ hasText: 'Could not open easel://nowhere' });
  await expect(notice).toBeVisible();

  const broken = path.join(desktop.tempDir, 'broken.easel');
  await writeFile(broken, '{"format":"easel","version":99,"shapes":[]}');
  desktop.launch({ kind: 'file', path: broken });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open “broken.easel”' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/b/desk-launch-bad');
});

test('an easel://join link opens the join screen with its target', async ({ desktop, page }) => {
  await desktop.openBoard('desk-launch-join');
  desktop.secondInstance(['easel://join?relay=http%3A%2F%2F127.0.0.1%3A9&board=shared-board&t=secret-token'], '/');
  await expect(page).toHaveURL(/\/join\?/);
  expect(await page.evaluate(() => JSON.stringify(history.state))).toContain('shared-board');
});
