import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { formatEaselJoinLink } from '../../shared/desktop';
import { encodeBoardFile } from '../../shared/model/board-file';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { JoinScreen } from './pages/join-screen';
import { OTHER_RELAY_TOKEN, startOtherRelay } from './support/other-relay';

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

test('an easel://join link handed to the app asks first, naming the relay and board, and contacts that relay only after Join', async ({
  desktop,
  page,
}) => {
  const other = await startOtherRelay(desktop.origin);
  try {
    const board = new BoardPage(page);
    const join = new JoinScreen(page);
    await desktop.openBoard('desk-launch-join');
    await expect(board.status).toHaveText('Saved');

    const target = { relayUrl: other.relay.url, boardId: 'launched', token: OTHER_RELAY_TOKEN };
    desktop.secondInstance(['/opt/easel/easel', formatEaselJoinLink(target)], '/');
    await expect(join.confirm).toBeVisible();
    await expect(join.confirmRelay).toHaveText(other.relay.url);
    await expect(join.confirmBoard).toHaveText('launched');
    await expect(join.confirmCancel).toBeFocused();
    await expect(join.progress).toHaveCount(0);
    // The probe would be a connection to that relay (it logs each one); nothing has reached it.
    await page.waitForTimeout(500);
    expect(other.relay.stdout()).not.toMatch(/"msg":"connect"/);

    await join.confirmJoin.click();
    await page.waitForURL((url) => url.pathname === '/b/launched');
    expect(new URL(page.url()).searchParams.get('relay')).toBe(other.relay.url);
    expect(new URL(page.url()).searchParams.get('t')).toBe(OTHER_RELAY_TOKEN);
    await expect(board.status).toHaveText('Saved');
    expect(other.relay.stdout()).toMatch(/"msg":"connect"/);
    expect(await join.responds()).toBe(true);
  } finally {
    await other.close();
  }
});

test('Cancel on a join link sends nothing to its address and leaves the join screen empty', async ({
  desktop,
  page,
}) => {
  const requests: string[] = [];
  const listener = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(404).end();
  }).listen(0, '127.0.0.1');
  await once(listener, 'listening');
  try {
    const join = new JoinScreen(page);
    await desktop.openBoard('desk-launch-cancel');
    await expect(new BoardPage(page).status).toHaveText('Saved');
    const relayUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    desktop.launch({ kind: 'join', target: { relayUrl, boardId: 'bait', token: 'from-a-stranger' } });
    await expect(join.confirm).toBeVisible();
    await expect(join.confirmRelay).toHaveText(relayUrl);

    await join.confirmCancel.click();
    await expect(join.confirm).toHaveCount(0);
    await expect(join.linkField).toHaveValue('');
    await expect(join.tokenField).toHaveValue('');
    await expect(join.progress).toHaveCount(0);
    await expect(join.problem).toHaveCount(0);
    expect(requests).toEqual([]);

    // Escape cancels as well.
    desktop.launch({ kind: 'join', target: { relayUrl, boardId: 'bait' } });
    await expect(join.confirm).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(join.confirm).toHaveCount(0);
    expect(requests).toEqual([]);
  } finally {
    listener.closeAllConnections();
    listener.close();
  }
});

test('a join link with a wrong token handed to the app says so, keeps the link, and the page stays usable', async ({
  desktop,
  page,
}) => {
  const other = await startOtherRelay(desktop.origin);
  try {
    const join = new JoinScreen(page);
    await desktop.openBoard('desk-launch-wrong');
    await expect(new BoardPage(page).status).toHaveText('Saved');

    desktop.launch({ kind: 'join', target: { relayUrl: other.relay.url, boardId: 'launched', token: 'wrong' } });
    await expect(join.screen).toBeVisible();
    await join.confirmJoin.click();
    await expect(join.problem).toContainText('Wrong token');
    await expect(join.linkField).toHaveValue(`${other.relay.url}/b/launched`);
    await expect(join.tokenField).toHaveValue('wrong');
    expect(await join.responds()).toBe(true);

    // The person fixes the token and joins from the same screen.
    await join.tokenField.fill(OTHER_RELAY_TOKEN);
    await join.joinButton.click();
    await page.waitForURL((url) => url.pathname === '/b/launched');
    await expect(new BoardPage(page).status).toHaveText('Saved');
  } finally {
    await other.close();
  }
});
