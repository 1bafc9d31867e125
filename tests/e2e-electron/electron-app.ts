import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where the Electron binary is, read the way `require('electron')` reads it
 * (node_modules/electron/path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH),
 * without its fallback of downloading it, which needs the internet.
 */
export function electronBinary(): ElectronBinary {
  const packageDir = path.join(repoRoot, 'node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing: ' +
        'its download needs the internet; run `node node_modules/electron/install.js`)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const executable = path.join(distDir, relative);
  return existsSync(executable)
    ? { ok: true, path: executable }
    : { ok: false, reason: `the Electron binary is missing at ${executable}` };
}

/** Chromium refuses to run as root with its sandbox on (containers, CI). */
export const chromiumSwitches = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/** Starts the built app (out/, from `electron-vite build`) with its own profile folder. */
export function launchEasel(binary: string, userDataDir: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary,
    args: [...chromiumSwitches(), repoRoot, ...args],
    env: { ...process.env, EASEL_USER_DATA_DIR: userDataDir },
    timeout: 30_000,
  });
}
