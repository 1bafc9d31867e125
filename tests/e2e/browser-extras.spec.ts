import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';
import { BoardTitle } from './pages/boards-home-page';
import { HomePage } from './pages/home-page';

test('Copy link in the header copies the board link, with the relay token and without this page’s query', async ({
  page,
  context,
  relay,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  const board = new BoardPage(page);
  await board.open(relay.url, 'copy-link', 'Ann');
  await expect(board.status).toHaveText('Saved');
  await board.copyLink.click();
  await expect(board.copyLink).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${relay.url}/b/copy-link`);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeAttached();
});

test.describe('with a relay token', () => {
  test.use({ relayArgs: ['--token', 'team-secret-token'] });

  test('the copied link carries the token', async ({ page, context, relay }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    const board = new BoardPage(page);
    await page.goto(`${relay.url}/b/token-link?t=team-secret-token&e2e=1`);
    await expect(board.status).toHaveText('Saved');
    await board.copyLink.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${relay.url}/b/token-link?t=team-secret-token`,
    );
  });
});

test('browser Home lists recent boards by name, with when each was last opened', async ({ page, relay }) => {
  const home = new HomePage(page);
  const board = new BoardPage(page);
  const title = new BoardTitle(page);
  await board.open(relay.url, 'named-board');
  await expect(board.status).toHaveText('Saved');
  await title.rename('Quarterly plan');
  await board.open(relay.url, 'unnamed-board');
  await expect(board.status).toHaveText('Saved');

  await home.open(relay.url);
  await expect(home.recentBoards).toHaveCount(2);
  await expect(home.recentBoards.first()).toContainText('Untitled board');
  await expect(home.recentBoards.first()).toContainText('unnamed-board');
  const named = home.recentBoard('Quarterly plan');
  await expect(named.getByRole('link', { name: 'Quarterly plan' })).toBeVisible();
  await expect(named).toContainText(/opened just now/);
  await expect(named).not.toContainText('named-board');
});
