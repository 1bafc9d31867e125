import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How the end-to-end tests and the render benchmark reach a browser: Debian's
 * Chromium (Playwright's own browser download is not reachable everywhere we
 * run), and the browser client built as the relay serves it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless in a container, as root, on a machine whose only network is loopback and a package registry. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Where the client is built for tests: out/web, or `EASEL_WEB_OUT` so that
 * several checkouts' test runs on one machine do not empty each other's build.
 */
export const WEB_ROOT = process.env.EASEL_WEB_OUT
  ? path.resolve(process.env.EASEL_WEB_OUT)
  : path.join(repoRoot, 'out/web');

/** `vite build -c vite.web.config.ts` into WEB_ROOT; rejects with vite's output if it fails. */
export async function buildWebClient(): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      'vite.web.config.ts',
      '--outDir',
      WEB_ROOT,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}
