import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  downloadSettings,
  downloadSource,
  electronState,
  type ElectronState,
  failureParagraph,
  INSTALL_TIMEOUT_MINUTES,
  installerEnv,
  installFailureCause,
  type InstallerOutcome,
} from './install-plan';

/**
 * Makes sure Electron's binary is there before anything launches it, with
 * Electron's own installer (node_modules/electron/install.js, which uses
 * @electron/get and so honours ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and the
 * rest), limited in time by download-limits.mjs. Once it is installed this
 * reads three small files and never touches the network.
 */

type Env = Readonly<Record<string, string | undefined>>;
export interface ElectronPackage {
  dir: string;
  version: string;
}
export type EnsureResult = { ok: true; executable: string } | { ok: false; message: string };

const DOWNLOAD_LIMITS = path.join(import.meta.dirname, 'download-limits.mjs');
/** Enough of the installer's stderr to say why it failed. */
const STDERR_LIMIT = 64 * 1024;
const packageManifest = z.object({ version: z.string().min(1) });

/** The electron package the project in `cwd` depends on. */
export function electronPackage(cwd: string): ElectronPackage {
  const manifest = createRequire(path.join(cwd, 'package.json')).resolve('electron/package.json');
  const { version } = packageManifest.parse(JSON.parse(readFileSync(manifest, 'utf8')));
  return { dir: path.dirname(manifest), version };
}

const readIfPresent = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);

/** Whether Electron is installed, from files only (no network): for test workers and the launcher. */
export function findElectron(pkg: ElectronPackage, env: Env, platform = process.platform): ElectronState {
  return electronState({
    packageDir: pkg.dir,
    version: pkg.version,
    platform,
    pathTxt: readIfPresent(path.join(pkg.dir, 'path.txt')),
    distVersion: readIfPresent(path.join(pkg.dir, 'dist', 'version')),
    overrideDistPath: env.ELECTRON_OVERRIDE_DIST_PATH || undefined,
    exists: existsSync,
  });
}

function runInstaller(pkg: ElectronPackage, env: Env): Promise<InstallerOutcome> {
  const settings = downloadSettings(env);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(DOWNLOAD_LIMITS).href, path.join(pkg.dir, 'install.js')],
      { cwd: pkg.dir, env: installerEnv(env, settings), stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true },
    );
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_LIMIT);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, INSTALL_TIMEOUT_MINUTES * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, timedOut, stderr, spawnError: error.message });
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut, stderr });
    });
  });
}

/** Installs Electron when it is missing; `log` hears what is being done, the result says what went wrong. */
export async function ensureElectron(options: {
  cwd: string;
  env: Env;
  log(line: string): void;
}): Promise<EnsureResult> {
  const { env } = options;
  const pkg = electronPackage(options.cwd);
  const before = findElectron(pkg, env);
  if (before.kind === 'ready') return { ok: true, executable: before.executable };
  if (before.kind === 'override-missing') {
    const overrideDistPath = env.ELECTRON_OVERRIDE_DIST_PATH ?? '';
    return {
      ok: false,
      message: failureParagraph(pkg.version, {
        kind: 'override-missing',
        executable: before.executable,
        overrideDistPath,
      }),
    };
  }
  const source = downloadSource(env);
  options.log(
    `Electron ${pkg.version} is not installed yet (${before.reason}); downloading it once (about 100 MB) from ${source}`,
  );
  const outcome = await runInstaller(pkg, env);
  const after = findElectron(pkg, env);
  if (after.kind === 'ready') {
    options.log(`Electron ${pkg.version} is installed.`);
    return { ok: true, executable: after.executable };
  }
  const installerSucceeded = outcome.exitCode === 0 && !outcome.timedOut;
  const reason = after.kind === 'not-installed' ? after.reason : `${after.executable} is missing`;
  return {
    ok: false,
    message: failureParagraph(
      pkg.version,
      installerSucceeded
        ? { kind: 'installed-but-missing', reason }
        : { kind: 'download-failed', source, cause: installFailureCause(outcome, downloadSettings(env)) },
    ),
  };
}
