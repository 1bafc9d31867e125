import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { httpGet } from '../tests/support/http-request';
import { connectErrorOf, connectRaw, type RawOptions, type RawSocket, request } from '../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import { tempDir } from '../tests/support/temp-dir';
import { sleep, waitFor } from '../tests/support/wait';
import { DEFAULT_RELAY_BUDGETS } from './relay-budgets';

/**
 * Every budget against a real relay process over real sockets. Several client
 * addresses are played by binding clients to 127.0.0.2, 127.0.0.3, … (all of
 * 127/8 is this machine on Linux).
 */

const HOST_TOKEN = 'host-token-0123456789';
const GUEST_TOKEN = 'guest-token';
/** A relay with both tokens: the host's windows and guests. */
const TOKENS = ['--token', GUEST_TOKEN, '--host-token', HOST_TOKEN];
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

let dataDir: Awaited<ReturnType<typeof tempDir>>;
const processes: RelayProcess[] = [];
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-budgets-');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const relay of processes.splice(0)) await relay.stop(2_000);
  await dataDir.remove();
});

async function start(extra: string[] = []): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, ...extra], {
    env: { LOG_LEVEL: 'warn' },
  });
  processes.push(relay);
  return relay;
}

async function connect(url: string, from: string, auth: Record<string, unknown> = {}, options: RawOptions = {}) {
  const socket = await connectRaw(
    url,
    { v: PROTOCOL_VERSION, token: GUEST_TOKEN, ...auth },
    { localAddress: from, ...options },
  );
  sockets.push(socket);
  return socket;
}

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };
const join = (socket: RawSocket, boardId: string) =>
  request<Ack>(socket, 'board:join', { boardId, stateVector: EMPTY_STATE_VECTOR }, 20_000);

async function healthy(url: string): Promise<boolean> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  return response.status === 200;
}

describe('open boards per connection', () => {
  it('refuses a socket that joins 999 boards past the default budget, and serves everyone else', async () => {
    const relay = await start();
    const greedy = await connect(relay.url, '127.0.0.2');
    const max = DEFAULT_RELAY_BUDGETS.maxBoardsPerConnection;
    // Joins are also rate-limited per connection (a few per second): fill the budget at that pace…
    for (let i = 0; i < max; i++) {
      let ack = await join(greedy, `greedy-${i}`);
      while (!ack.ok && /too many joins/.test(ack.error.message)) {
        await sleep(250);
        ack = await join(greedy, `greedy-${i}`);
      }
      expect(ack, `greedy-${i}`).toMatchObject({ ok: true });
    }
    // …then every further board is refused at once, whatever the join rate.
    const rest = await Promise.all(Array.from({ length: 999 - max }, (_, i) => join(greedy, `greedy-${max + i}`)));
    for (const ack of rest) {
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/leave one/) },
      });
    }

    // Leaving one makes room for another.
    expect(await request(greedy, 'board:leave', { boardId: 'greedy-0' })).toEqual({ ok: true });
    await sleep(1_000);
    expect(await join(greedy, 'one-more')).toMatchObject({ ok: true });
    expect(await join(greedy, 'two-more')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    expect(await healthy(relay.url)).toBe(true);
    const honest = await connect(relay.url, '127.0.0.3');
    expect(await join(honest, 'honest')).toMatchObject({ ok: true });
  }, 60_000);
});

describe('new boards per address per hour', () => {
  it('refuses an address its next new board once it created its budget, but not joins of existing ones', async () => {
    const relay = await start(['--new-boards-per-ip-per-hour', '3', ...TOKENS]);
    const creator = await connect(relay.url, '127.0.0.2');
    for (const id of ['a1', 'a2', 'a3']) expect(await join(creator, id)).toMatchObject({ ok: true });
    const refused = await join(creator, 'a4');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/3 boards/) },
    });

    // A board another address created is joined, not created.
    const other = await connect(relay.url, '127.0.0.3');
    expect(await join(other, 'made-elsewhere')).toMatchObject({ ok: true });
    expect(await join(creator, 'made-elsewhere')).toMatchObject({ ok: true });
    // A second connection from the same address shares the budget.
    const second = await connect(relay.url, '127.0.0.2');
    expect(await join(second, 'a5')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // The desktop host's own windows (host token) spend no such budget.
    const host = await connect(relay.url, '127.0.0.2', { token: HOST_TOKEN });
    expect(await join(host, 'host-made')).toMatchObject({ ok: true });
    // Nothing was created for the refused ids.
    const catalog = await fetch(`${relay.url}/api/boards`, { headers: { authorization: `Bearer ${HOST_TOKEN}` } });
    const ids = ((await catalog.json()) as { id: string }[]).map((board) => board.id).sort();
    expect(ids).toEqual(['a1', 'a2', 'a3', 'host-made', 'made-elsewhere']);
  }, 30_000);
});

describe('connections and handshakes per address', () => {
  it('closes connections from one address past its cap, and takes them again once some closed', async () => {
    const relay = await start(['--max-connections-per-ip', '4']);
    const held: RawSocket[] = [];
    for (let i = 0; i < 4; i++) held.push(await connect(relay.url, '127.0.0.2'));
    const error = await connectErrorOf(relay.url, { v: PROTOCOL_VERSION }, { localAddress: '127.0.0.2' });
    expect(error.message).toMatch(/websocket error/);
    // Plain HTTP counts too.
    await expect(httpGet(`${relay.url}/healthz`, { localAddress: '127.0.0.2' })).rejects.toThrow();
    // Other addresses are not affected.
    expect(await healthy(relay.url)).toBe(true);
    await connect(relay.url, '127.0.0.3');
    held[0]!.close();
    await waitFor(() => !held[0]!.connected, 'the socket to close');
    await sleep(200);
    await connect(relay.url, '127.0.0.2');
    expect(relay.stdout().match(/past the per-address cap/g)).toHaveLength(1);
  }, 30_000);

  it('refuses handshakes past the per-minute budget with RATE_LIMITED, the host token excepted', async () => {
    const relay = await start(['--handshakes-per-ip-per-minute', '5', ...TOKENS]);
    for (let i = 0; i < 5; i++) (await connect(relay.url, '127.0.0.2')).close();
    const refused = await connectErrorOf(
      relay.url,
      { v: PROTOCOL_VERSION, token: GUEST_TOKEN },
      { localAddress: '127.0.0.2' },
    );
    expect(refused.message).toBe('RATE_LIMITED');
    expect(refused.data?.detail).toMatch(/too many connection attempts/);
    expect(refused.data?.retryAfterSeconds).toBeGreaterThan(0);
    await connect(relay.url, '127.0.0.3');
    for (let i = 0; i < 10; i++) (await connect(relay.url, '127.0.0.2', { token: HOST_TOKEN })).close();
  }, 30_000);
});

describe('handshake timeout', () => {
  it('closes connections that never finish their handshake, at every stage, and still takes honest ones', async () => {
    const relay = await start(['--handshake-timeout-seconds', '1']);
    const port = Number(new URL(relay.url).port);
    const started = performance.now();
    const closedAfter = (socket: net.Socket) =>
      new Promise<number>((resolve) => {
        // Never forever: a socket still open after 40 s fails the bound below instead of hanging the test.
        const timer = setTimeout(() => resolve(Number.POSITIVE_INFINITY), 40_000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
      });

    // A connection that sends nothing at all.
    const silent = net.connect(port, '127.0.0.1');
    // One that sends half its request headers.
    const slow = net.connect(port, '127.0.0.1', () => slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    // One that opens the WebSocket transport but never connects the Socket.IO namespace.
    const transportOnly = net.connect(port, '127.0.0.1', () =>
      transportOnly.write(
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n' +
          'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      ),
    );
    let transportAnswer = '';
    transportOnly.on('data', (chunk: Buffer) => (transportAnswer += chunk.toString('latin1')));
    for (const socket of [silent, slow, transportOnly]) socket.on('error', () => undefined);
    // Listening from the start: on a slow machine they may close before the honest client is in.
    const closings = Promise.all([closedAfter(silent), closedAfter(slow), closedAfter(transportOnly)]);

    const honest = await connect(relay.url, '127.0.0.2');
    const times = await closings;
    // Generous bounds for a loaded machine (1 s asked); without the budget: 45 s, 60 s, or for ever.
    expect(
      times.every((ms) => ms < 30_000),
      `closed after ${times.map(Math.round).join(', ')} ms`,
    ).toBe(true);
    expect(transportAnswer).toMatch(/^HTTP\/1\.1 101/);
    // The honest one finished its handshake and stays.
    await sleep(1_500);
    expect(honest.connected).toBe(true);
    expect(await join(honest, 'still-here')).toMatchObject({ ok: true });
  }, 90_000);
});

describe('wrong tokens', () => {
  it('locks an address out after too many, refusing even the right token, but never the host token', async () => {
    const relay = await start([...TOKENS, ...['--max-auth-failures-per-ip', '3', '--auth-lockout-seconds', '3']]);
    const attempt = (token: string, from = '127.0.0.2') =>
      connectErrorOf(relay.url, { v: PROTOCOL_VERSION, token }, { localAddress: from });
    for (let i = 0; i < 3; i++) expect((await attempt(`guess-${i}`)).message).toBe('UNAUTHORIZED');
    const locked = await attempt(GUEST_TOKEN);
    expect(locked.message).toBe('RATE_LIMITED');
    expect(locked.data?.detail).toMatch(/too many wrong tokens/);
    expect((await attempt('guess-again')).message).toBe('RATE_LIMITED');
    // The host's own windows on the same address still get in, and other addresses are untouched.
    await connect(relay.url, '127.0.0.2', { token: HOST_TOKEN });
    await connect(relay.url, '127.0.0.3', { token: GUEST_TOKEN });
    expect(relay.stdout()).toMatch(/address locked out after too many wrong tokens/);
    // Once the lockout ends, the right token gets in.
    await sleep(3_200);
    await connect(relay.url, '127.0.0.2', { token: GUEST_TOKEN });
  }, 30_000);
});

describe('client-supplied strings in logs and replies', () => {
  it('answers a 1 MiB protocol version with a short reply and writes a short log line', async () => {
    const relay = await start();
    const before = relay.stdout().length;
    const hugeVersion = 'v'.repeat(1024 * 1024);
    for (let i = 0; i < 5; i++) {
      const error = await connectErrorOf(relay.url, { v: hugeVersion }, { localAddress: '127.0.0.2' });
      expect(error.message).toBe('PROTOCOL_MISMATCH');
      expect(error.data?.detail).toMatch(/client sent "v{100}… \(1048576 characters\)"/);
      expect(error.data!.detail!.length).toBeLessThan(300);
    }
    await waitFor(() => (relay.stdout().match(/"msg":"refused"/g) ?? []).length === 5, 'five refusal lines');
    expect(relay.stdout().length - before).toBeLessThan(5 * 1_000);
  }, 30_000);
});
