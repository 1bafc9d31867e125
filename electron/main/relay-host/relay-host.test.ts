import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { AccessApi } from '../../../tests/support/access-api';
import { freePort } from '../../../tests/support/free-port';
import { connectRaw, type RawSocket, refusalOf, request } from '../../../tests/support/protocol-client';
import { bundleRelayChild } from '../../../tests/support/relay-child-bundle';
import { tempDir } from '../../../tests/support/temp-dir';
import { waitFor } from '../../../tests/support/wait';
import { nodeForkSpawner } from './relay-child-process';
import { RelayHost, type RelayHostOptions, type RelayHostSnapshot } from './relay-host';

const spawner = nodeForkSpawner();
let bundle: Awaited<ReturnType<typeof bundleRelayChild>>;
let dir: Awaited<ReturnType<typeof tempDir>>;
let host: RelayHost | null = null;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  bundle = await bundleRelayChild();
});
afterAll(() => bundle.remove());

beforeEach(async () => {
  dir = await tempDir('easel-relay-host-');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await host?.close();
  host = null;
  await dir.remove();
});

function makeHost(options: Partial<RelayHostOptions> = {}): RelayHost {
  host = new RelayHost({
    spawner,
    childModule: bundle.modulePath,
    dataDir: path.join(dir.path, 'boards'),
    allowedOrigins: ['app://easel'],
    restartDelaysMs: [100],
    logLevel: 'error',
    ...options,
  });
  return host;
}

async function connect(url: string, token: string | undefined): Promise<RawSocket> {
  const socket = await connectRaw(url, { v: PROTOCOL_VERSION, ...(token !== undefined && { token }) });
  sockets.push(socket);
  return socket;
}

/** Adds a shape to a board through the relay and waits for the ack (acked means fsynced). */
async function addShape(socket: RawSocket, boardId: string, shapeId: string): Promise<void> {
  const doc = new Y.Doc();
  const joined = await request<{ ok: boolean; update: Uint8Array }>(socket, 'board:join', {
    boardId,
    stateVector: Y.encodeStateVector(doc),
  });
  expect(joined.ok).toBe(true);
  Y.applyUpdate(doc, new Uint8Array(joined.update));
  const before = Y.encodeStateVector(doc);
  doc.getMap('shapes').set(shapeId, { type: 'rect', x: 1 });
  const ack = await request(socket, 'board:update', { boardId, update: Y.encodeStateAsUpdate(doc, before) });
  expect(ack).toEqual({ ok: true });
}

async function shapesOn(url: string, token: string, boardId: string): Promise<string[]> {
  const socket = await connect(url, token);
  const joined = await request<{ update: Uint8Array }>(socket, 'board:join', {
    boardId,
    stateVector: Y.encodeStateVector(new Y.Doc()),
  });
  socket.close();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(joined.update));
  return [...doc.getMap('shapes').keys()].sort();
}

async function refusesTcp(port: number): Promise<boolean> {
  const socket = net.connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
  } finally {
    socket.destroy();
  }
}

/** Linux only: whether a socket listens on 0.0.0.0:port (read from the kernel, no traffic sent). */
async function listensOnAllInterfaces(port: number): Promise<boolean> {
  const table = await readFile('/proc/net/tcp', 'utf8');
  const wanted = `00000000:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table.split('\n').some((line) => {
    const [, local, , state] = line.trim().split(/\s+/);
    return local === wanted && state === '0A';
  });
}

const onLinux = process.platform === 'linux';

describe('RelayHost with the real relay in a child process', { timeout: 60_000 }, () => {
  it('starts on 127.0.0.1 on a free port and admits only its own token', async () => {
    const snapshot = await makeHost().start();
    expect(snapshot).toMatchObject({ state: 'running', share: null });
    expect(snapshot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(snapshot.hostToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const url = snapshot.url!;
    await connect(url, snapshot.hostToken);
    expect(await refusalOf(url, { v: PROTOCOL_VERSION })).toBe('UNAUTHORIZED');
    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; connections: number };
    expect(health).toMatchObject({ ok: true, connections: 1 });
    if (onLinux) expect(await listensOnAllInterfaces(Number(new URL(url).port))).toBe(false);
  });

  it('shares on all interfaces where passes let guests in, counts guests, and stopping revokes every pass', async () => {
    const port = await freePort();
    const relayHost = makeHost();
    const local = await relayHost.start();
    await addShape(await connect(local.url!, local.hostToken), 'b1', 'before-share');

    const shared = await relayHost.share({ port });
    expect(shared).toMatchObject({ state: 'running', url: `http://127.0.0.1:${port}`, share: { port, guests: 0 } });
    expect(shared.hostToken).toBe(local.hostToken);
    if (onLinux) expect(await listensOnAllInterfaces(port)).toBe(true);

    const sharedUrl = `http://127.0.0.1:${port}`;
    const pass = await new AccessApi(sharedUrl, shared.hostToken).createPass('b1', { role: 'editor' });
    const guestToken = pass.token;
    // No whole-relay guest token any more: without a pass, only the host gets in.
    expect(await refusalOf(sharedUrl, { v: PROTOCOL_VERSION })).toBe('UNAUTHORIZED');
    expect(await refusalOf(sharedUrl, { v: PROTOCOL_VERSION, token: `${guestToken}x` })).toBe('UNAUTHORIZED');
    const guest = await connect(sharedUrl, guestToken);
    expect(await shapesOn(sharedUrl, guestToken, 'b1')).toEqual(['before-share']);
    await waitFor(() => relayHost.snapshot().share?.guests === 1, 'the guest count to reach 1');
    await addShape(await connect(sharedUrl, shared.hostToken), 'b1', 'while-shared');

    const guestDropped = new Promise((resolve) => guest.once('disconnect', resolve));
    const unshared = await relayHost.stopSharing();
    await guestDropped;
    expect(unshared).toMatchObject({ state: 'running', share: null, hostToken: local.hostToken });
    expect(await refusesTcp(port)).toBe(true);
    if (onLinux) expect(await listensOnAllInterfaces(port)).toBe(false);
    expect(await refusalOf(unshared.url!, { v: PROTOCOL_VERSION, token: guestToken })).toBe('UNAUTHORIZED');
    expect(await shapesOn(unshared.url!, unshared.hostToken, 'b1')).toEqual(['before-share', 'while-shared']);

    // Sharing again does not bring the old links back.
    await relayHost.share({ port });
    expect(await refusalOf(sharedUrl, { v: PROTOCOL_VERSION, token: guestToken })).toBe('UNAUTHORIZED');
  });

  it('falls back to a free port when the default one is taken, and refuses a named port that is', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const relayHost = makeHost({ defaultSharePort: taken });
      await relayHost.start();
      const shared = await relayHost.share();
      expect(shared.share!.port).not.toBe(taken);
      expect(shared.share!.port).toBeGreaterThan(0);
      // Sharing again without a port keeps the session where it is.
      const pid = relayHost.childPid;
      expect(await relayHost.share()).toEqual(shared);
      expect(relayHost.childPid).toBe(pid);
      await relayHost.stopSharing();

      await expect(relayHost.share({ port: taken })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      const after = relayHost.snapshot();
      expect(after).toMatchObject({ state: 'running', share: null });
      await connect(after.url!, after.hostToken);
    } finally {
      blocker.close();
    }
  });

  it('restarts a relay killed with SIGKILL in the same mode, with every acknowledged edit', async () => {
    const port = await freePort();
    const relayHost = makeHost();
    await relayHost.start();
    const shared = await relayHost.share({ port });
    await addShape(await connect(shared.url!, shared.hostToken), 'crash', 'acked');
    const pass = await new AccessApi(shared.url!, shared.hostToken).createPass('crash', { role: 'viewer' });
    const seen: RelayHostSnapshot[] = [];
    relayHost.onChange((snapshot) => seen.push(snapshot));

    const killed = relayHost.childPid!;
    process.kill(killed, 'SIGKILL');
    await waitFor(() => seen.some((s) => s.state === 'restarting'), 'the host to notice the crash', 10_000);
    await waitFor(
      () => relayHost.snapshot().state === 'running' && relayHost.childPid !== killed,
      'the relay to come back',
      20_000,
    );
    const restarted = relayHost.snapshot();
    expect(seen.find((s) => s.state === 'restarting')?.error).toMatch(/SIGKILL/);
    expect(restarted.share).toMatchObject({ port });
    // A restart while sharing keeps the links working.
    expect(await shapesOn(`http://127.0.0.1:${port}`, pass.token, 'crash')).toEqual(['acked']);
  });

  it('gives up after repeated failed starts and says why', async () => {
    const notADirectory = path.join(dir.path, 'file');
    await writeFile(notADirectory, 'x');
    const relayHost = makeHost({ dataDir: notADirectory, maxRestarts: 2, restartDelaysMs: [50] });
    const first = await relayHost.start();
    expect(first.state).toBe('restarting');
    await waitFor(() => relayHost.snapshot().state === 'failed', 'the host to give up', 20_000);
    expect(relayHost.snapshot().error).toMatch(/EEXIST|ENOTDIR|not a directory|file already exists/i);
  });
});
