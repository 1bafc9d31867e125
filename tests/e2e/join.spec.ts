import { freePort } from '../support/free-port';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { JoinScreen } from './pages/join-screen';
import { ShareDialog } from './pages/share-dialog';
import { OTHER_RELAY_TOKEN as TOKEN, startOtherRelay as otherRelay } from './support/other-relay';
import { shapesOnRelay } from './support/relay-shapes';

test('join by link: a wrong token and an unreachable address are said plainly; the right token joins, drawing reaches that relay, and it is remembered', async ({
  desktop,
  page,
}) => {
  const other = await otherRelay(desktop.origin);
  try {
    const join = new JoinScreen(page);
    await page.goto(desktop.pageUrl('/', { e2e: '1' }));
    await join.openFromHome();

    const link = `${other.relay.url}/b/joined`;
    await join.join(`${link}?t=wrong`);
    await expect(join.problem).toContainText('Wrong token');
    await expect(join.linkField).toHaveValue(`${link}?t=wrong`);

    const closedPort = await freePort();
    await join.join(`127.0.0.1:${closedPort}`);
    await expect(join.problem).toContainText('Unreachable');
    await expect(join.linkField).toHaveValue(`127.0.0.1:${closedPort}`);

    await join.join('ftp://example.com');
    await expect(join.problem).toBeVisible();
    await expect(join.linkField).toHaveValue('ftp://example.com');

    await join.join(link, TOKEN);
    await page.waitForURL((url) => url.pathname === '/b/joined');
    expect(new URL(page.url()).searchParams.get('relay')).toBe(other.relay.url);
    const board = new BoardPage(page);
    const canvas = new CanvasPage(page);
    await expect(board.status).toHaveText('Saved');
    // A board on someone else's relay is theirs to share.
    await expect(new ShareDialog(page).openButton).toHaveCount(0);
    await canvas.drawRectangle([100, 100], [220, 190]);
    await expect(board.status).toHaveText('Saved');
    const stored = await shapesOnRelay(other.relay.url, TOKEN, 'joined');
    expect([...stored.values()]).toEqual([expect.objectContaining({ type: 'rect' })]);

    // Back on the join screen the session is listed as joined lately; "Back to my boards" returns home.
    await page.goto(desktop.pageUrl('/join'));
    const host = other.relay.url.replace('http://', '');
    const entry = join.recentEntry(`joined on ${host}`);
    await expect(entry).toBeVisible();
    await entry.getByRole('button', { name: 'Forget' }).click();
    await expect(join.recentEntry(`joined on ${host}`)).toHaveCount(0);
    await join.backToMyBoards.click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).searchParams.get('relay')).toBe(desktop.relayInfo().url);
  } finally {
    await other.close();
  }
});

test('sessions found on the LAN are listed, an incompatible one marked; joining one asks for the token it never announces', async ({
  desktop,
  page,
}) => {
  const other = await otherRelay(desktop.origin);
  try {
    const join = new JoinScreen(page);
    await page.goto(desktop.pageUrl('/join', { e2e: '1' }));
    await expect(join.screen).toBeVisible();
    const port = Number(new URL(other.relay.url).port);
    desktop.discovered([
      {
        id: 'old',
        name: 'Easel on old-laptop',
        host: 'old-laptop.local',
        port: 4455,
        protocol: 0,
        compatible: false,
        relayUrls: ['http://127.0.0.1:9'],
      },
      {
        id: 'ada',
        name: 'Easel on ada',
        host: 'ada.local',
        port,
        protocol: 1,
        compatible: true,
        relayUrls: [other.relay.url],
        boardId: 'lan-board',
      },
    ]);
    const ada = join.discoveredSession('Easel on ada');
    const old = join.discoveredSession('Easel on old-laptop');
    await expect(join.discovered).toHaveCount(2);
    await expect(join.discovered.first()).toContainText('Easel on ada');
    await expect(old).toContainText('needs another Easel version');
    await expect(old.getByRole('button', { name: 'Join Easel on old-laptop' })).toBeDisabled();

    await ada.getByRole('button', { name: 'Join Easel on ada' }).click();
    await expect(join.tokenPrompt).toContainText('never announced');
    await expect(join.tokenField).toBeFocused();
    await expect(join.linkField).toHaveValue(`${other.relay.url}/b/lan-board`);
    await join.joinButton.click();
    await expect(join.problem).toContainText('needs a token');

    await join.tokenField.fill(TOKEN);
    await join.joinButton.click();
    await page.waitForURL((url) => url.pathname === '/b/lan-board');
    await expect(new BoardPage(page).status).toHaveText('Saved');
  } finally {
    await other.close();
  }
});
