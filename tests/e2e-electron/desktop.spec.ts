import { BoardPage } from '../e2e/pages/board-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { desktop, expect, openBoard, runningRelay, test } from './fixtures';

/**
 * The desktop app in Electron itself: the sandboxed renderer with the real
 * preload, the navigation guards, and boards kept by the embedded relay
 * across restarts. Where the Electron binary is missing every test is
 * skipped and global-setup.ts prints why.
 */

test('the renderer has no Node, only window.easel from the preload through contextBridge', async ({ easel }) => {
  const { page } = await easel.start();
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const api = scope.easel as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
      ipcRenderer: typeof scope.ipcRenderer,
      easel: Object.keys(api).sort(),
      platform: api.platform,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    easel: ['files', 'join', 'launch', 'menu', 'os', 'platform', 'relay', 'share', 'updates'],
    platform: 'desktop',
  });
  // A call through the preload's contextBridge function, over IPC, to the main process and back.
  const relay = await desktop(page, (api) => api.relay.info(), null);
  expect(relay).toMatchObject({
    state: 'running',
    sharing: false,
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
  });
});

test('navigation away from the app and window.open are refused', async ({ easel }) => {
  const { app, page } = await easel.start();
  await page.waitForLoadState('domcontentloaded');
  const before = page.url();
  // Schemes externalUrlToOpen refuses, so no system browser opens during the test.
  const opened = await page.evaluate(() =>
    ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share'].map(
      (url) => (globalThis as unknown as { open(u: string): unknown }).open(url) === null,
    ),
  );
  expect(opened).toEqual([true, true, true]);
  expect(app.windows()).toHaveLength(1);
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
});

test('a rectangle drawn on the desktop is kept by the embedded relay across restarts', async ({ easel }) => {
  const first = await easel.start();
  await openBoard(first.page, await runningRelay(first.page), 'desktop-e2e');
  await expect(new BoardPage(first.page).status).toHaveText('Saved');
  await new CanvasPage(first.page).drawRectangle([100, 100], [240, 200]);
  await expect(new CanvasPage(first.page).canvas).toHaveAttribute('data-shape-count', '1');
  await expect(new BoardPage(first.page).status).toHaveText('Saved');
  await easel.quit(first);

  const again = await easel.start({ profile: first.profile });
  await openBoard(again.page, await runningRelay(again.page), 'desktop-e2e');
  await expect(new CanvasPage(again.page).canvas).toHaveAttribute('data-shape-count', '1');
});
