import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { CHROMIUM_PATH, WEB_ROOT } from '../support/browser';
import { freePort } from '../support/free-port';
import { bundleRelayChild } from '../support/relay-child-bundle';
import { tempDir } from '../support/temp-dir';
import { type DesktopBridge, type DesktopBridgeOptions, startDesktopBridge } from './support/desktop-bridge';

export interface DesktopUnderTest extends DesktopBridge {
  /** A fresh folder for files the test saves and opens; removed after the test. */
  readonly tempDir: string;
}

/**
 * `desktop`: the page as the desktop app's window, with the real main-process
 * modules behind `window.easel` (see support/desktop-bridge.ts for what is
 * real and what had to differ). Everything it started is stopped after each
 * test. A test whose renderer made a desktop call fail unexpectedly (a
 * handler threw, a malformed answer) fails, since that is a bug either side.
 */
export const test = base.extend<
  { desktop: DesktopUnderTest; desktopOs: DesktopBridgeOptions['os'] },
  { relayChildModule: string }
>({
  /** What `window.easel.os` says (`test.use({ desktopOs: 'win32' })` for what only Windows shows). */
  desktopOs: ['linux', { option: true }],
  relayChildModule: [
    async ({}, use) => {
      const bundle = await bundleRelayChild();
      await use(bundle.modulePath);
      await bundle.remove();
    },
    { scope: 'worker' },
  ],
  desktop: async ({ page, relayChildModule, desktopOs }, use, testInfo) => {
    if (!existsSync(CHROMIUM_PATH)) {
      const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
      console.log(`[e2e] skipped: ${reason}`);
      testInfo.skip(true, reason);
    }
    const dir = await tempDir('easel-desktop-e2e-');
    const files = path.join(dir.path, 'files');
    const appData = path.join(dir.path, 'app');
    await Promise.all([mkdir(files), mkdir(appData)]);
    const bridge = await startDesktopBridge({
      page,
      webRoot: WEB_ROOT,
      relayChildModule,
      dataDir: appData,
      defaultSharePort: await freePort(),
      os: desktopOs,
    });
    try {
      await use(Object.assign(bridge, { tempDir: files }));
      const failures = bridge.ipcLog().filter((entry) => entry.level === 'error');
      if (failures.length > 0) throw new Error(`desktop calls failed in the main process: ${JSON.stringify(failures)}`);
    } finally {
      await bridge.close();
      await dir.remove();
    }
  },
});

export { expect } from '@playwright/test';
