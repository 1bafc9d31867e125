import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ElectronApplication, expect, type Page, test } from '@playwright/test';
import type { DesktopResult, EaselDesktopApi, LaunchOpen, RelayInfo, ShareStatus } from '../../shared/desktop';
import { BoardPage } from '../e2e/pages/board-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { chromiumSwitches, electronBinary, launchEasel, repoRoot } from './electron-app';

/**
 * The desktop app end to end, in Electron itself: the sandboxed renderer, the
 * embedded relay, sharing on the LAN and a second instance joining, the
 * single-instance hand-over of easel:// links, and the navigation guards.
 * Everything talks over 127.0.0.1. Where the Electron binary is missing (it is
 * downloaded at install time, which needs the internet) every test is skipped
 * and global-setup.ts prints why.
 */
const binary = electronBinary();
test.skip(!binary.ok, binary.ok ? '' : binary.reason);

const apps: ElectronApplication[] = [];
const profiles: string[] = [];

test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  for (const dir of profiles.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function profile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'easel-desktop-e2e-'));
  profiles.push(dir);
  return dir;
}

async function start(userDataDir: string, args: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.ok) throw new Error(binary.reason);
  const app = await launchEasel(binary.path, userDataDir, args);
  apps.push(app);
  return { app, page: await app.firstWindow() };
}

/** Calls window.easel in the page: `call` runs in the renderer, with the API and `arg` as its only inputs. */
async function desktop<T, A>(
  page: Page,
  call: (easel: EaselDesktopApi, arg: A) => Promise<DesktopResult<T>>,
  arg: A,
): Promise<T> {
  const easel = await page.evaluateHandle(() => (globalThis as unknown as { easel: EaselDesktopApi }).easel);
  const inPage = call as (api: EaselDesktopApi, value: unknown) => Promise<DesktopResult<T>>;
  const result = await easel.evaluate(inPage, arg as unknown);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function openBoard(page: Page, relay: { url: string; token: string }, boardId: string): Promise<void> {
  const query = new URLSearchParams({ relay: relay.url, t: relay.token, e2e: '1' });
  await page.goto(`app://easel/b/${boardId}?${query}`);
}

test('the renderer has no Node, only window.easel', async () => {
  const { page } = await start(await profile());
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
      easel: Object.keys(scope.easel as object).sort(),
      platform: (scope.easel as { platform: string }).platform,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    easel: ['files', 'join', 'launch', 'menu', 'os', 'platform', 'relay', 'share'],
    platform: 'desktop',
  });
  const relay = await desktop<RelayInfo, null>(page, (easel) => easel.relay.info(), null);
  expect(relay).toMatchObject({
    state: 'running',
    sharing: false,
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
  });
});

test('navigation away from the app and window.open are refused', async () => {
  const { app, page } = await start(await profile());
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

test('a rectangle drawn on the desktop is kept by the embedded relay across restarts', async () => {
  const userData = await profile();
  const first = await start(userData);
  const relay = await desktop<RelayInfo, null>(first.page, (easel) => easel.relay.info(), null);
  await openBoard(first.page, { url: relay.url!, token: relay.token }, 'desktop-e2e');
  await expect(new BoardPage(first.page).status).toHaveText('Saved');
  await new CanvasPage(first.page).drawRectangle([100, 100], [240, 200]);
  await expect(new CanvasPage(first.page).canvas).toHaveAttribute('data-shape-count', '1');
  await expect(new BoardPage(first.page).status).toHaveText('Saved');
  await first.app.close();
  apps.splice(apps.indexOf(first.app), 1);

  const again = await start(userData);
  const relayAgain = await desktop<RelayInfo, null>(again.page, (easel) => easel.relay.info(), null);
  await openBoard(again.page, { url: relayAgain.url!, token: relayAgain.token }, 'desktop-e2e');
  await expect(new CanvasPage(again.page).canvas).toHaveAttribute('data-shape-count', '1');
});

test('shared on the LAN, a board is joined by a second instance; stopping sharing cuts the guest off', async () => {
  const host = await start(await profile());
  const local = await desktop<RelayInfo, null>(host.page, (easel) => easel.relay.info(), null);
  await openBoard(host.page, { url: local.url!, token: local.token }, 'lan-e2e');
  await new CanvasPage(host.page).drawRectangle([80, 80], [200, 160]);
  await expect(new BoardPage(host.page).status).toHaveText('Saved');

  const shared = await desktop<ShareStatus, string>(
    host.page,
    (easel, board) => easel.share.start({ boardId: board }),
    'lan-e2e',
  );
  if (!shared.sharing) throw new Error('not sharing');
  for (const address of shared.addresses) expect(address.joinUrl).toContain(`/b/lan-e2e?t=${shared.token}`);
  // The host page does not follow relay moves itself yet, so the app reloads it at the new address.
  await expect(new BoardPage(host.page).status).toHaveText('Saved', { timeout: 15_000 });

  const guest = await start(await profile());
  await openBoard(guest.page, { url: `http://127.0.0.1:${shared.port}`, token: shared.token }, 'lan-e2e');
  await expect(new CanvasPage(guest.page).canvas).toHaveAttribute('data-shape-count', '1');
  await new CanvasPage(guest.page).drawRectangle([300, 100], [400, 180]);
  await expect(new CanvasPage(host.page).canvas).toHaveAttribute('data-shape-count', '2');
  await expect
    .poll(async () => {
      const status = await desktop<ShareStatus, null>(host.page, (easel) => easel.share.status(), null);
      return status.sharing ? status.guests : -1;
    })
    .toBe(1);

  expect(await desktop<ShareStatus, null>(host.page, (easel) => easel.share.stop(), null)).toEqual({ sharing: false });
  await expect(new BoardPage(guest.page).status).not.toHaveText('Saved', { timeout: 15_000 });
  await expect(new BoardPage(host.page).status).toHaveText('Saved', { timeout: 15_000 });
});

test('an easel:// link given to a second launch goes to the running instance', async () => {
  const userData = await profile();
  const first = await start(userData);
  await first.page.evaluate(() => {
    const scope = globalThis as unknown as { easel: EaselDesktopApi; opened: LaunchOpen[] };
    scope.opened = [];
    scope.easel.launch.onOpen((open) => scope.opened.push(open));
    return scope.easel.launch.takePending();
  });
  const link = 'easel://join?relay=http%3A%2F%2F127.0.0.1%3A4455&board=retro&t=abc';
  if (!binary.ok) throw new Error(binary.reason);
  const second = spawn(binary.path, [...chromiumSwitches(), repoRoot, link], {
    env: { ...process.env, EASEL_USER_DATA_DIR: userData },
    stdio: 'ignore',
  });
  const [code] = (await once(second, 'exit')) as [number | null];
  expect(code).toBe(0);
  await expect
    .poll(() => first.page.evaluate(() => (globalThis as unknown as { opened: LaunchOpen[] }).opened))
    .toEqual([{ kind: 'join', target: { relayUrl: 'http://127.0.0.1:4455', boardId: 'retro', token: 'abc' } }]);
});
