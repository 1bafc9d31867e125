import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureElectron } from '../../scripts/electron-install/ensure';
import { repoRoot } from './electron-app';

/**
 * Makes the same attempt as `npm start` to install Electron's binary. Where it
 * fails, every test skips with the reason printed, unless
 * EASEL_REQUIRE_ELECTRON=1 (CI), which fails the run instead. Then builds
 * main, preload and renderer into out/ for the app under test.
 */
export default async function globalSetup(): Promise<void> {
  const electron = await ensureElectron({
    cwd: repoRoot,
    env: process.env,
    log: (line) => console.log(`[e2e-electron] ${line}`),
  });
  if (!electron.ok) {
    if (process.env.EASEL_REQUIRE_ELECTRON === '1') {
      throw new Error(`EASEL_REQUIRE_ELECTRON=1 and Electron is not there: ${electron.message}`);
    }
    console.log(`[e2e-electron] skipped: ${electron.message}`);
    return;
  }
  const build = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}
