import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatEaselJoinLink } from '../../shared/desktop';
import { encodeBoardFile } from '../../shared/model/board-file';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { freePort } from '../support/free-port';
import { startRelayProcess } from '../support/relay-process';
import { tempDir } from '../support/temp-dir';
import { BoardPage } from '../e2e/pages/board-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { JoinScreen } from '../e2e/pages/join-screen';
import { expect, openBoard, runningRelay, test } from './fixtures';

/**
 * One instance per profile: launching the app again on the same profile with
 * a `.easel` file or an `easel://join` link (a double-click, a click on a
 * link) hands it to the running instance, which opens it, and the second
 * launch exits at once.
 */

test('a board file given to a second launch opens in the running instance as a new board', async ({ easel }) => {
  const first = await easel.start();
  const board = new BoardPage(first.page);
  const canvas = new CanvasPage(first.page);
  await openBoard(first.page, await runningRelay(first.page), 'launch-from');
  await expect(board.status).toHaveText('Saved');

  const shapes = exampleShapes().slice(0, 3);
  const folder = await easel.newProfile();
  await writeFile(path.join(folder, 'handed.easel'), encodeBoardFile(shapes, { name: 'handed' }));
  // A relative path, resolved against the second launch's working directory as a shell would.
  expect(await easel.launchAgain(first.profile, ['handed.easel'], folder)).toBe(0);

  await expect(first.page).not.toHaveURL(/\/b\/launch-from/);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', String(shapes.length));
  await expect(board.status).toHaveText('Saved');
  expect(first.app.windows()).toHaveLength(1);
});

test('an easel://join link given to a second launch asks, then joins that relay in the running instance', async ({
  easel,
}) => {
  const data = await tempDir('easel-desktop-join-');
  const token = 'a-token-for-guests';
  const other = await startRelayProcess([
    '--port',
    String(await freePort()),
    '--data-dir',
    data.path,
    '--token',
    token,
  ]);
  try {
    const first = await easel.start();
    await openBoard(first.page, await runningRelay(first.page), 'launch-join-from');
    await expect(new BoardPage(first.page).status).toHaveText('Saved');

    const link = formatEaselJoinLink({ relayUrl: other.url, boardId: 'launched', token });
    expect(await easel.launchAgain(first.profile, [link])).toBe(0);

    // The running instance asks before contacting the relay a link names.
    const join = new JoinScreen(first.page);
    await expect(join.confirmRelay).toHaveText(other.url, { timeout: 15_000 });
    await join.confirmJoin.click();
    await first.page.waitForURL((url) => url.pathname === '/b/launched', { timeout: 15_000 });
    expect(new URL(first.page.url()).searchParams.get('relay')).toBe(other.url);
    await expect(new BoardPage(first.page).status).toHaveText('Saved');
    await new CanvasPage(first.page).drawRectangle([100, 100], [200, 180]);
    await expect(new BoardPage(first.page).status).toHaveText('Saved');
    expect(first.app.windows()).toHaveLength(1);
  } finally {
    await other.stop();
    await data.remove();
  }
});
