import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBoard, FilesApi } from '../../tests/support/files-api';
import { pngImage, sha256Of } from '../../tests/support/images';
import { bundleRelayChild } from '../../tests/support/relay-child-bundle';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';
import { type ChildMessage, childMessageSchema, type RelayChildConfig } from './messages';

let bundle: Awaited<ReturnType<typeof bundleRelayChild>>;
let dir: Awaited<ReturnType<typeof tempDir>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundle = await bundleRelayChild();
});
afterAll(() => bundle.remove());
beforeEach(async () => {
  dir = await tempDir('easel-relay-child-');
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await dir.remove();
});

function startChild() {
  const child = fork(bundle.modulePath, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  children.push(child);
  const messages: ChildMessage[] = [];
  child.on('message', (raw) => messages.push(childMessageSchema.parse(raw)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, messages, exited };
}

const config = (overrides: Partial<RelayChildConfig> = {}): RelayChildConfig => ({
  host: '127.0.0.1',
  port: 0,
  dataDir: path.join(dir.path, 'boards'),
  hostToken: 'host-token',
  revokePassesAtStart: false,
  allowedOrigins: [],
  logLevel: 'silent',
  ...overrides,
});

describe('the relay child process', () => {
  it('ignores malformed messages, starts on "start", and flushes and exits 0 on "stop"', async () => {
    const { child, messages, exited } = startChild();
    child.send({ type: 'start', config: { ...config(), host: 42 } });
    child.send('junk');
    child.send({ type: 'start', config: config() });
    await waitFor(() => messages.length > 0, 'ready', 10_000);
    expect(messages[0]).toMatchObject({ type: 'ready', host: '127.0.0.1' });
    const { port } = messages[0] as { port: number };
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    child.send({ type: 'stop' });
    expect(await exited).toBe(0);
    expect(messages.at(-1)).toEqual({ type: 'stopped' });
  });

  it('reports a port in use with its errno code and exits 1', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const { child, messages, exited } = startChild();
      child.send({ type: 'start', config: config({ port: (blocker.address() as net.AddressInfo).port }) });
      expect(await exited).toBe(1);
      expect(messages).toEqual([expect.objectContaining({ type: 'failed', code: 'EADDRINUSE' })]);
    } finally {
      blocker.close();
    }
  });

  it('serves board files as a standalone relay does, to the desktop window (CORS for app://easel)', async () => {
    const { child, messages, exited } = startChild();
    child.send({ type: 'start', config: config({ allowedOrigins: ['app://easel'] }) });
    await waitFor(() => messages.length > 0, 'ready', 10_000);
    const { port } = messages[0] as { port: number };
    const url = `http://127.0.0.1:${port}`;
    await createBoard(url, 'host-token', 'Desk');
    const files = new FilesApi(url, 'host-token');
    const png = pngImage(4, 4);
    expect((await files.stored('Desk', sha256Of(png), png)).status).toBe(201);
    const response = await files.call('Desk', sha256Of(png), { headers: { origin: 'app://easel' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('app://easel');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    child.send({ type: 'stop' });
    expect(await exited).toBe(0);
  });

  it('stops when its parent goes away', async () => {
    const { child, messages, exited } = startChild();
    child.send({ type: 'start', config: config() });
    await waitFor(() => messages.length > 0, 'ready', 10_000);
    child.disconnect();
    expect(await exited).toBe(0);
  });
});
