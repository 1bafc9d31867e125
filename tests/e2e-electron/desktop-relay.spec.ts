import type { ElectronApplication } from '@playwright/test';
import { BoardPage } from '../e2e/pages/board-page';
import { BoardsHomePage } from '../e2e/pages/boards-home-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { desktop, expect, openBoard, runningRelay, test } from './fixtures';

/**
 * The embedded relay as the packaged window meets it: the page is served from
 * app://easel, which Chromium treats as a public origin, so every request to
 * the relay on 127.0.0.1 passes Local Network Access; and the relay is an
 * Electron utilityProcess that the main process restarts when it dies.
 */

/** The pid of the relay's utility process (utilityProcess.fork's serviceName names it in the metrics). */
async function relayPid(electronApp: ElectronApplication): Promise<number> {
  const processes = await electronApp.evaluate(({ app }) =>
    app.getAppMetrics().map((metric) => ({ pid: metric.pid, type: metric.type, name: metric.name ?? '' })),
  );
  const relays = processes.filter((metric) => metric.type === 'Utility' && metric.name === 'Easel relay');
  if (relays.length !== 1) throw new Error(`not one relay process among ${JSON.stringify(processes)}`);
  return relays[0]!.pid;
}

test('the window loads app://easel and its page reaches the embedded relay on loopback', async ({ easel }) => {
  const { page } = await easel.start();
  await expect(new BoardsHomePage(page).newBoardButton).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/easel\//);
  const relay = await runningRelay(page);
  const reached = await page.evaluate(async ({ url, token }) => {
    const failed = (error: unknown) => `failed: ${String(error)}`;
    // /healthz sends no CORS headers: no-cors still needs the request to go through, and shows nothing more.
    const health = await fetch(`${url}/healthz`, { mode: 'no-cors' }).then((response) => response.type, failed);
    // The catalog Home reads: a cross-origin request with the host token, preflighted, as the app makes it.
    const catalog = await fetch(`${url}/api/boards`, { headers: { authorization: `Bearer ${token}` } }).then(
      (response) => response.status,
      failed,
    );
    return { health, catalog };
  }, relay);
  expect(reached).toEqual({ health: 'opaque', catalog: 200 });
  // And the board's socket: a board opened from app://easel syncs with the relay.
  await openBoard(page, relay, 'lna-e2e');
  await expect(new BoardPage(page).status).toHaveText('Saved');
});

test('a relay process that is killed is restarted, and the open board carries on with what it had', async ({
  easel,
}) => {
  const { app, page } = await easel.start();
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await openBoard(page, await runningRelay(page), 'restart-e2e');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([100, 100], [220, 180]);
  await expect(board.status).toHaveText('Saved');

  const killed = await relayPid(app);
  process.kill(killed, 'SIGKILL');
  await expect.poll(() => relayPid(app).catch(() => killed), { timeout: 30_000 }).not.toBe(killed);
  await expect
    .poll(async () => (await desktop(page, (api) => api.relay.info(), null)).state, { timeout: 30_000 })
    .toBe('running');
  await expect(board.status).toHaveText('Saved', { timeout: 30_000 });
  await canvas.drawRectangle([300, 100], [420, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(board.status).toHaveText('Saved');

  // Opened afresh from the restarted relay: both rectangles are stored there.
  await openBoard(page, await runningRelay(page), 'restart-e2e');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
});
