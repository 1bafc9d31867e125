import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/browser';

/**
 * End-to-end tests: Debian's Chromium (Playwright's own browser download is not
 * available everywhere we run) against the browser client served by a real
 * relay process. One worker: each spec starts its own relay, and CI has two cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 30_000,
  // On CI a test that fails once is run once more and reported as flaky in the list (it must pass then):
  // on a loaded 2-core machine the share dialog's relay restart has failed once in passes.spec.ts (see the
  // closing note of the session that added this); a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 5_000 },
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]] : [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    // CI uploads test-results/ when a job fails: a trace of each failed test, and its relay's log (fixtures.ts).
    trace: process.env.CI ? 'retain-on-failure' : 'off',
  },
});
