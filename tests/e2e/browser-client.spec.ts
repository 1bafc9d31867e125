import { BoardPage } from './pages/board-page';
import { HomePage } from './pages/home-page';
import { expect, test } from './fixtures';

test('New board opens a board that the relay saves, and home lists it afterwards', async ({ page, relay }) => {
  const home = new HomePage(page);
  const board = new BoardPage(page);
  await home.open(relay.url);
  await home.newBoardButton.click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{16}$/);
  await expect(board.status).toHaveText('Saved');
  const boardId = board.boardIdFromUrl();

  await board.homeLink.click();
  await expect(home.recentBoard(boardId)).toBeVisible();
});

test('a deep link with ?name= loads the board and shows the name', async ({ page, relay }) => {
  const board = new BoardPage(page);
  await board.open(relay.url, 'team-retro', 'Ann');
  await expect(board.status).toHaveText('Saved');
  // The header names the board by its name in the doc; a new board has none yet.
  expect(board.boardIdFromUrl()).toBe('team-retro');
  await expect(page.getByTestId('board-title')).toHaveText('Untitled board');
  await expect(board.shows('Ann')).toBeVisible();
});

test('a board link with an invalid board id is refused by the relay with 404', async ({ page, relay }) => {
  const response = await page.goto(`${relay.url}/b/not..valid`);
  expect(response?.status()).toBe(404);
});

test('the page goes offline when the relay stops and back to Saved when it returns', async ({ page, relay }) => {
  const board = new BoardPage(page);
  await board.open(relay.url, 'restart-me');
  await expect(board.status).toHaveText('Saved');
  await relay.stop();
  await expect(board.status).toHaveText(/^Offline/);
  await relay.start();
  await expect(board.status).toHaveText('Saved', { timeout: 15_000 });
});
