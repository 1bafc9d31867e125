import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, repoRoot } from './electron-app';

/** Builds main, preload and renderer into out/ for the app under test, where Electron can run at all. */
export default function globalSetup(): void {
  const binary = electronBinary();
  if (!binary.ok) {
    console.log(`[e2e-electron] skipped: ${binary.reason}`);
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
