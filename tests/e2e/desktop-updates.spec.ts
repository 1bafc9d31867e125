import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { BoardsHomePage } from './pages/boards-home-page';
import { UpdateNoticePage } from './pages/update-notice';
import { FREEZE_UNSUPPORTED_REASON, freezeProcess, thawProcess } from '../support/freeze';

/**
 * The app's updates in the window, with the real update controller and
 * policy behind the bridge and electron-updater's events emitted by the
 * test (desktop-bridge.ts): nothing shows while an update is found and
 * downloads; once downloaded, "Restart to update"; the restart never
 * installs while a change is unacknowledged by the relay.
 */

/** Long enough for a restart that wrongly went ahead to have been counted. */
const SETTLE_MS = 1_000;

test('a downloaded update offers Restart to update, which waits while a change is unacknowledged', async ({
  desktop,
  page,
}) => {
  test.skip(FREEZE_UNSUPPORTED_REASON !== null, FREEZE_UNSUPPORTED_REASON ?? '');
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const update = new UpdateNoticePage(page);
  await desktop.openBoard('desk-update');
  await expect(board.status).toHaveText('Saved');

  desktop.checkForUpdates(false);
  desktop.updater.findsUpdate('9.9.9');
  desktop.updater.progress(40);
  await expect.poll(() => desktop.pushed().filter((push) => push.key === 'updateChanged').length).toBe(3);
  await expect(update.notice).toHaveCount(0);

  desktop.updater.downloaded('9.9.9');
  await expect(update.notice).toContainText('Easel 9.9.9 is ready to install.');
  await expect(update.restart).toBeVisible();

  // A frozen relay keeps the socket open and answers nothing: the change waits for its ack.
  const relayPid = desktop.relayPid();
  freezeProcess(relayPid);
  try {
    await canvas.drawRectangle([100, 100], [220, 180]);
    await expect(board.status).toHaveText('Saving… (1)');
    await update.restart.click();
    await expect(update.notice).toHaveText(
      'Waiting for your changes to be saved before restarting… (1 change not saved yet)',
    );
    await expect(update.restart).toHaveCount(0);
    await page.waitForTimeout(SETTLE_MS);
    expect(desktop.updateInstalls()).toBe(0);
  } finally {
    thawProcess(relayPid);
  }

  await expect(board.status).toHaveText('Saved');
  await expect.poll(() => desktop.updateInstalls()).toBe(1);
  await expect(update.notice).toHaveText('Restarting to update…');
  expect(desktop.updateDialogs()).toEqual([]);
});

test('with nothing unsaved the restart installs at once; a menu check says what it found', async ({
  desktop,
  page,
}) => {
  const home = new BoardsHomePage(page);
  const update = new UpdateNoticePage(page);
  await page.goto(desktop.pageUrl('/'));
  await expect(home.newBoardButton).toBeVisible();

  // A check at start that fails is a log line: no dialog, no bar.
  desktop.checkForUpdates(false);
  desktop.updater.failsCheck(new Error('net::ERR_INTERNET_DISCONNECTED'));
  desktop.checkForUpdates(true);
  desktop.updater.findsNothing('0.0.0-test');
  await expect
    .poll(() => desktop.updateDialogs())
    .toEqual([{ message: 'Easel is up to date', detail: 'Version 0.0.0-test is the newest.' }]);

  desktop.checkForUpdates(false);
  desktop.updater.findsUpdate('9.9.9');
  desktop.updater.downloaded('9.9.9');
  await update.restart.click();
  await expect(update.notice).toHaveText('Restarting to update…');
  expect(desktop.updateInstalls()).toBe(1);
  await expect(update.notice).toHaveCount(1);
  expect(desktop.updateDialogs()).toHaveLength(1);
});
