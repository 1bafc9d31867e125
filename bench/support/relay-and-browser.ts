/**
 * What every browser benchmark stands on: the browser client built (unless
 * skipped), a real relay process serving it from a throwaway data dir, and
 * headless Chromium; all torn down when `run` settles, whatever it does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { buildWebClient, CHROMIUM_ARGS, CHROMIUM_PATH, WEB_ROOT } from '../../tests/support/browser';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';

/**
 * Every page and headless client of a benchmark connects from 127.0.0.1, so
 * the per-address budgets (README: Limits and budgets) are lifted: a
 * `--people 200` presence run must not be refused as a crowd from one address.
 */
const ONE_ADDRESS_FLAGS = [
  ...['--max-connections-per-ip', '100000', '--handshakes-per-ip-per-minute', '100000'],
  ...['--new-boards-per-ip-per-hour', '100000', '--max-boards-per-connection', '100000'],
];

export interface RelayAndBrowserOptions {
  /** Names the data dir, e.g. 'render' → easel-bench-render-XXXX. */
  name: string;
  skipBuild: boolean;
  progress: (line: string) => void;
  chromiumArgs?: readonly string[];
}

export async function withRelayAndBrowser<T>(
  options: RelayAndBrowserOptions,
  run: (relay: RelayProcess, browser: Browser) => Promise<T>,
): Promise<T> {
  if (!options.skipBuild) {
    options.progress('building the web client (vite build -c vite.web.config.ts)');
    await buildWebClient();
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `easel-bench-${options.name}-`));
  let relay: RelayProcess | undefined;
  let browser: Browser | undefined;
  try {
    relay = await startRelayProcess(
      ['--port', '0', '--data-dir', dataDir, '--web-root', WEB_ROOT, '--log-level', 'warn', ...ONE_ADDRESS_FLAGS],
      { timeoutMs: 30_000 },
    );
    options.progress(`relay pid ${relay.pid} at ${relay.url}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...(options.chromiumArgs ?? CHROMIUM_ARGS)],
    });
    return await run(relay, browser);
  } finally {
    await browser?.close();
    await relay?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
