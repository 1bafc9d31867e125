import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';

/**
 * What the Docker image runs: the relay bundled by vite.relay.config.ts and
 * started with plain `node` (no tsx), taking its settings from the
 * environment as the Dockerfile sets them.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let outDir: string;

beforeAll(async () => {
  const cache = path.join(repoRoot, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  // Under node_modules/.cache so the bundle's bare imports resolve, as they do in /app of the image.
  outDir = await mkdtemp(path.join(cache, 'easel-relay-bundle-'));
  await build({ configFile: path.join(repoRoot, 'vite.relay.config.ts'), logLevel: 'warn', build: { outDir } });
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the bundled standalone relay', () => {
  it('starts from environment variables, answers /healthz, and exits 0 on SIGTERM', async () => {
    const data = await tempDir('easel-relay-bundle-data-');
    try {
      const child = spawn(process.execPath, [path.join(outDir, 'cli.js')], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: data.path, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      await waitFor(() => /listening on http:\/\/127\.0\.0\.1:\d+/.test(out), 'the relay to listen', 15_000);
      const url = /listening on (\S+)/.exec(out)![1]!;
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true, protocol: 1 });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      await data.remove();
    }
  });
});
