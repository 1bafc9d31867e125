import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ElectronApplication, type Page, test as base } from '@playwright/test';
import type { DesktopResult, EaselDesktopApi, RelayInfo } from '../../shared/desktop';
import { chromiumSwitches, electronBinary, launchEasel, profileSwitch, repoRoot } from './electron-app';

/** One running app: its main process, its first window, its profile folder. */
export interface RunningEasel {
  app: ElectronApplication;
  page: Page;
  profile: string;
}

export interface EaselLauncher {
  /** A fresh, empty profile folder (removed after the test). */
  newProfile(): Promise<string>;
  /** Starts the built app on `profile` (a new one unless given), as `electron <repo> ...args`. */
  start(options?: { profile?: string; args?: string[] }): Promise<RunningEasel>;
  /** Quits one instance and waits for it to be gone (its relay flushed). */
  quit(instance: RunningEasel): Promise<void>;
  /**
   * Launches the app again on `profile` with `args`, as a double-click on a
   * file or a click on a link does, and resolves with its exit code: when an
   * instance already runs there, the new one hands its arguments over and quits.
   */
  launchAgain(profile: string, args: string[], cwd?: string): Promise<number | null>;
}

/** Enough of the main process's output (its log lines and the relay child's) to read a failure. */
const OUTPUT_LIMIT = 2 * 1024 * 1024;

/**
 * `easel`: launches the app in Electron, each instance with its own
 * `--user-data-dir` unless a test shares one on purpose. Every instance is
 * closed after the test; a failed test keeps, in its output folder, each
 * instance's main-process output (with the embedded relay's log) and, on CI,
 * a Playwright trace. Where Electron is not installed the test is skipped
 * with the reason (global-setup.ts already failed the run if it must run).
 */
export const test = base.extend<{ easel: EaselLauncher }>({
  easel: async ({}, use, testInfo) => {
    const binary = electronBinary();
    if (!binary.ok) {
      testInfo.skip(true, binary.reason);
      return;
    }
    const running: { instance: RunningEasel; output: () => string }[] = [];
    const profiles: string[] = [];
    const newProfile = async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'easel-desktop-e2e-'));
      profiles.push(dir);
      return dir;
    };
    const launcher: EaselLauncher = {
      newProfile,
      async start(options = {}) {
        const profile = options.profile ?? (await newProfile());
        const app = await launchEasel(binary.path, profile, options.args);
        let output = '';
        const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT));
        app.process().stdout?.on('data', keep);
        app.process().stderr?.on('data', keep);
        if (process.env.CI) await app.context().tracing.start({ screenshots: true, snapshots: true });
        const instance = { app, page: await app.firstWindow(), profile };
        running.push({ instance, output: () => output });
        return instance;
      },
      async quit(instance) {
        await instance.app.close();
      },
      async launchAgain(profile, args, cwd = repoRoot) {
        const child = spawn(binary.path, [...chromiumSwitches(), profileSwitch(profile), repoRoot, ...args], {
          cwd,
          stdio: 'ignore',
        });
        const [code] = (await once(child, 'exit')) as [number | null];
        return code;
      },
    };

    await use(launcher);

    const failed = testInfo.status !== testInfo.expectedStatus;
    for (const [index, { instance, output }] of running.entries()) {
      if (failed) {
        await writeFile(testInfo.outputPath(`electron-${index}.log`), output());
        // Logs the app writes into its profile (e.g. the relay's), when it writes any.
        await cp(path.join(instance.profile, 'logs'), testInfo.outputPath(`profile-${index}-logs`), {
          recursive: true,
        }).catch(() => undefined);
      }
      if (process.env.CI) {
        await instance.app
          .context()
          .tracing.stop(failed ? { path: testInfo.outputPath(`trace-${index}.zip`) } : {})
          .catch(() => undefined);
      }
      await instance.app.close().catch(() => undefined);
    }
    for (const dir of profiles) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  },
});

export { expect } from '@playwright/test';

/** Calls window.easel in the page: `call` runs in the renderer, with the API and `arg` as its only inputs. */
export async function desktop<T, A>(
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

/** The embedded relay as the page sees it, once it runs. */
export async function runningRelay(page: Page): Promise<{ url: string; token: string }> {
  const info = await desktop<RelayInfo, null>(page, (easel) => easel.relay.info(), null);
  if (info.state !== 'running' || info.url === null) throw new Error(`the relay is ${info.state}: ${info.error ?? ''}`);
  return { url: info.url, token: info.token };
}

/** Opens a board in the app's own window, on `relay`, with the e2e read hook. */
export async function openBoard(page: Page, relay: { url: string; token: string }, boardId: string): Promise<void> {
  const query = new URLSearchParams({ relay: relay.url, t: relay.token, e2e: '1' });
  await page.goto(`app://easel/b/${boardId}?${query}`);
}
