import type { Browser, Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { expect, test } from './fixtures';

/** Reconnect backoff tops out at 5 s, plus the join. */
const RECONNECTED_MS = 15_000;

/** The board as a second browser, with nothing of its own stored, sees it on the relay. */
async function expectShapesOnRelay(browser: Browser, relayUrl: string, boardId: string, count: number) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const board = new BoardPage(page);
    await board.open(relayUrl, boardId);
    await expect(board.status).toHaveText('Saved');
    await expect(new CanvasPage(page).canvas).toHaveAttribute('data-shape-count', String(count));
  } finally {
    await context.close();
  }
}

function collectDialogs(page: Page): string[] {
  const types: string[] = [];
  page.on('dialog', (dialog) => {
    types.push(dialog.type());
    void dialog.accept();
  });
  return types;
}

test('a board reloads while the relay is down, takes edits, and syncs them when the relay is back', async ({
  page,
  browser,
  relay,
}) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  collectDialogs(page);
  await board.open(relay.url, 'offline-reload');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([60, 60], [200, 160]);
  await canvas.drawRectangle([260, 60], [400, 160]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(board.status).toHaveText('Saved');
  await board.waitUntilAvailableOffline();

  await relay.stop();
  await page.reload();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(board.status).toHaveText(/^Offline/);

  await canvas.drawRectangle([60, 260], [200, 360]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');
  await expect(board.status).toHaveText(/^Offline/);

  await relay.start();
  await expect(board.status).toHaveText('Saved', { timeout: RECONNECTED_MS });
  await expectShapesOnRelay(browser, relay.url, 'offline-reload', 3);
});

test('a shape drawn offline survives a reload while still offline, and reaches the relay after it restarts', async ({
  page,
  browser,
  relay,
}) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  collectDialogs(page);
  await board.open(relay.url, 'offline-draw');
  await expect(board.status).toHaveText('Saved');
  await board.waitUntilAvailableOffline();

  await relay.stop();
  await expect(board.status).toHaveText(/^Offline/);
  await canvas.drawRectangle([80, 80], [220, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await page.reload();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(board.status).toHaveText(/^Offline/);

  await relay.start();
  await expect(board.status).toHaveText('Saved', { timeout: RECONNECTED_MS });
  await expectShapesOnRelay(browser, relay.url, 'offline-draw', 1);
});

test('without IndexedDB, leaving with changes the relay has not stored asks first', async ({
  page,
  browser,
  relay,
}) => {
  // As when the browser denies this site storage: every open fails.
  await page.addInitScript(() => {
    // Typed by hand: tests are also type-checked without the DOM lib.
    const page = globalThis as unknown as {
      IDBFactory: { prototype: { open: () => never } };
      DOMException: new (message: string, name: string) => Error;
    };
    page.IDBFactory.prototype.open = () => {
      throw new page.DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'online-only');
  await expect(board.status).toHaveText('Saved');
  expect(warnings.join('\n')).toContain('board online-only is not kept on this device');

  await relay.stop();
  await expect(board.status).toHaveText(/^Offline/);
  await canvas.drawRectangle([80, 80], [220, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  const dialog = page.waitForEvent('dialog');
  // Dismissing the prompt cancels the reload, so this navigation never finishes.
  void page.reload().catch(() => undefined);
  const prompt = await dialog;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await relay.start();
  await expect(board.status).toHaveText('Saved', { timeout: RECONNECTED_MS });
  await expectShapesOnRelay(browser, relay.url, 'online-only', 1);
});
