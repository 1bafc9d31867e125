import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { electronPackage, findElectron } from '../../scripts/electron-install/ensure';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where the Electron binary is, read from files the way `require('electron')`
 * reads it (node_modules/electron/path.txt + dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH), never downloading: global-setup.ts already
 * made the one attempt to install it.
 */
export function electronBinary(): ElectronBinary {
  const state = findElectron(electronPackage(repoRoot), process.env);
  switch (state.kind) {
    case 'ready':
      return { ok: true, path: state.executable };
    case 'override-missing':
      return { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names no Electron (${state.executable} is missing)` };
    case 'not-installed':
      return { ok: false, reason: `the Electron binary is not installed (${state.reason})` };
  }
}

/** Chromium refuses to run as root with its sandbox on (containers, CI). */
export const chromiumSwitches = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/** `--user-data-dir`: the app's profile (boards, window state) and its single-instance lock. */
export const profileSwitch = (userDataDir: string): string => `--user-data-dir=${userDataDir}`;

/** Starts the built app (out/, from `electron-vite build`) with its own profile folder. */
export function launchEasel(binary: string, userDataDir: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary,
    args: [...chromiumSwitches(), profileSwitch(userDataDir), repoRoot, ...args],
    timeout: 30_000,
  });
}
