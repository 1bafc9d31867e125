import { defineConfig } from '@playwright/test';

/**
 * The desktop app end to end (tests/e2e-electron): Playwright's `_electron`
 * drives the built app. It runs wherever the Electron binary is installed;
 * elsewhere global-setup prints why and every test is skipped.
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './tests/e2e-electron/global-setup.ts',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-reports/playwright-electron.json' }]] : [['list']],
  use: { trace: 'off' },
});
