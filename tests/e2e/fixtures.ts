import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { test as base } from '@playwright/test';
import { CHROMIUM_PATH, WEB_ROOT } from '../support/browser';
import { type RelayProcess, startRelayProcess } from '../support/relay-process';
import { tempDir } from '../support/temp-dir';
import { freezeProcess, thawProcess } from '../support/freeze';

/** A real relay process serving the built browser client, on a port that survives restarts. */
export interface RelayUnderTest {
  readonly url: string;
  /** Where it keeps its boards (e.g. to delete one while it is stopped). */
  readonly dataDir: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing is answered (a relay stuck on a slow disk). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
}

export const test = base.extend<{ relay: RelayUnderTest; relayArgs: string[] }>({
  /** Extra CLI flags for the relay, e.g. `test.use({ relayArgs: ['--token', 'x'] })`. */
  relayArgs: [[], { option: true }],
  relay: async ({ relayArgs }, use, testInfo) => {
    if (!existsSync(CHROMIUM_PATH)) {
      const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
      console.log(`[e2e] skipped: ${reason}`);
      testInfo.skip(true, reason);
    }
    const dataDir = await tempDir('easel-e2e-');
    const port = await freePort();
    let running: RelayProcess | null = null;
    const start = async () => {
      running = await startRelayProcess([
        '--port',
        String(port),
        '--data-dir',
        dataDir.path,
        '--web-root',
        WEB_ROOT,
        ...relayArgs,
      ]);
    };
    let frozen = false;
    const runningPid = () => {
      if (!running) throw new Error('the relay is not running');
      return running.pid;
    };
    const freeze = () => {
      freezeProcess(runningPid());
      frozen = true;
    };
    const thaw = () => {
      thawProcess(runningPid());
      frozen = false;
    };
    const logs: string[] = [];
    const stop = async () => {
      if (frozen) thaw(); // a stopped process would not act on SIGTERM
      await running?.stop();
      if (running) logs.push(running.stdout(), running.stderr());
      running = null;
    };
    await start();
    await use({
      url: `http://127.0.0.1:${port}`,
      dataDir: dataDir.path,
      start,
      stop,
      restart: async () => (await stop(), await start()),
      freeze,
      thaw,
    });
    await stop();
    // Every run of this test's relay, kept beside its trace when it failed (CI uploads test-results/).
    if (testInfo.status !== testInfo.expectedStatus) await writeFile(testInfo.outputPath('relay.log'), logs.join(''));
    await dataDir.remove();
  },
});

export { expect } from '@playwright/test';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
