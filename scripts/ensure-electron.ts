import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { ensureElectron } from './electron-install/ensure';
import { wrapParagraph } from './electron-install/install-plan';

/**
 * `npm start` and `npm run dev`: installs Electron's binary when it is missing
 * (once; later runs stay offline), then runs electron-vite with it.
 *
 *   node --import tsx scripts/ensure-electron.ts                       only make sure Electron is installed
 *   node --import tsx scripts/ensure-electron.ts electron-vite <args>  then run electron-vite <args>
 *
 * When Electron cannot be installed it prints one paragraph (what failed, how
 * to fix it, and that `npm run web` works now) and exits 1. electron-vite is
 * given the binary through ELECTRON_EXEC_PATH: it reads only
 * node_modules/electron/path.txt itself, so ELECTRON_OVERRIDE_DIST_PATH would
 * not reach it otherwise.
 */
const USAGE = 'usage: ensure-electron.ts [electron-vite <args>...]';
const binField = z.object({ bin: z.record(z.string(), z.string()) });

function electronViteCli(cwd: string): string {
  const require = createRequire(path.join(cwd, 'package.json'));
  const manifest = require.resolve('electron-vite/package.json');
  const { bin } = binField.parse(require(manifest));
  const cli = bin['electron-vite'];
  if (cli === undefined) throw new Error(`${manifest} names no electron-vite command`);
  return path.join(path.dirname(manifest), cli);
}

function runElectronVite(cwd: string, args: string[], executable: string): void {
  const child = spawn(process.execPath, [electronViteCli(cwd), ...args], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: executable },
  });
  // Ctrl+C reaches electron-vite (same process group), which stops Electron; we wait for it to finish.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== undefined && command !== 'electron-vite') {
    console.error(USAGE);
    process.exit(2);
  }
  const cwd = process.cwd();
  const result = await ensureElectron({ cwd, env: process.env, log: (line) => console.log(line) });
  if (!result.ok) {
    console.error(wrapParagraph(result.message));
    process.exit(1);
  }
  if (command === undefined) console.log(`Electron is ready: ${result.executable}`);
  else runElectronVite(cwd, rest, result.executable);
}

await main();
