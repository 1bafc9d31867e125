import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleRelayChild } from '../../../tests/support/relay-child-bundle';
import { tempDir } from '../../../tests/support/temp-dir';
import { nodeForkSpawner } from '../relay-host/relay-child-process';
import { RelayHost } from '../relay-host/relay-host';
import { openAppLogs } from './app-logs';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-logs-');
});
afterEach(() => dir.remove());

const linesOf = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('openAppLogs', () => {
  it('writes the main process’s events as JSON lines to logs/main.log, creating the folder', async () => {
    const logs = openAppLogs({ dir: path.join(dir.path, 'logs'), echo: false });
    logs.log('relay-crashed', { pid: 42, exit: 'signal SIGKILL' });
    logs.log('quit');
    await logs.close();
    const lines = await linesOf(path.join(dir.path, 'logs', 'main.log'));
    expect(lines).toMatchObject([{ event: 'relay-crashed', pid: 42, exit: 'signal SIGKILL' }, { event: 'quit' }]);
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('rotates at the size limit and keeps a bounded number of old files', async () => {
    const logs = openAppLogs({ dir: dir.path, echo: false, maxSize: '2K', keep: 2 });
    for (let index = 0; index < 200; index++) {
      logs.log('filler', { index, text: 'x'.repeat(60) });
      // Rotation happens between writes; give it turns, as a running app's events would.
      if (index % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await logs.close();
    const names = (await readdir(dir.path)).filter((name) => name.startsWith('main.log')).sort();
    expect(names).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of names) {
      expect((await stat(path.join(dir.path, name))).size, name).toBeLessThanOrEqual(2048 + 200);
    }
    // The newest lines are in main.log.
    expect((await linesOf(path.join(dir.path, 'main.log'))).at(-1)).toMatchObject({ event: 'filler', index: 199 });
  });

  it('never throws when the folder cannot be written', async () => {
    const blocked = path.join(dir.path, 'not-a-folder');
    await writeFile(blocked, 'a file where the logs folder should be');
    const logs = openAppLogs({ dir: blocked, echo: false });
    for (let index = 0; index < 5; index++) logs.log('still-running', { index });
    await new Promise((resolve) => setTimeout(resolve, 100));
    logs.log('after-the-error');
    await logs.close();
  });
});

describe('the relay child’s output', { timeout: 60_000 }, () => {
  let bundle: Awaited<ReturnType<typeof bundleRelayChild>>;
  beforeAll(async () => {
    bundle = await bundleRelayChild();
  });
  afterAll(() => bundle.remove());

  it('reaches logs/relay.log through pipes, as the app gives the child no stdout of its own', async () => {
    const logs = openAppLogs({ dir: path.join(dir.path, 'logs'), echo: false });
    const host = new RelayHost({
      spawner: nodeForkSpawner({ output: logs.relayOutput }),
      childModule: bundle.modulePath,
      dataDir: path.join(dir.path, 'boards'),
      allowedOrigins: ['app://easel'],
      logLevel: 'warn',
    });
    const holder = net.createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => holder.once('listening', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    const relayLog = path.join(dir.path, 'logs', 'relay.log');
    const failedLine = expect.objectContaining({
      role: 'relay-child',
      code: 'EADDRINUSE',
      msg: 'relay failed to start',
    });
    try {
      await host.start();
      // A taken port makes the child log an error line, then exit.
      await expect(host.share({ port: taken })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      // The pipe may still hold the line when the child's exit is reported; the file gets it soon after.
      await expect.poll(() => linesOf(relayLog).catch(() => []), { timeout: 10_000 }).toContainEqual(failedLine);
    } finally {
      holder.close();
      await host.close();
      await logs.close();
    }
  });
});
