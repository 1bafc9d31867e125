import { BoardPage } from './pages/board-page';
import { expect, test } from './fixtures';

test.use({ relayArgs: ['--token', 'e2e-secret'] });

test('a join link with the relay token (?t=) gets in and saves', async ({ page, relay }) => {
  const board = new BoardPage(page);
  await page.goto(`${relay.url}/b/tokened?t=e2e-secret`);
  await expect(board.status).toHaveText('Saved');
});

test('without the token the board stays off the relay and says why', async ({ page, relay }) => {
  const board = new BoardPage(page);
  await board.open(relay.url, 'tokened');
  await expect(board.status).toHaveText('Not connected');
  await expect(board.statusDetail).toContainText(/token/i);
  await page.waitForTimeout(500);
  await expect(board.status).toHaveText('Not connected');
});
