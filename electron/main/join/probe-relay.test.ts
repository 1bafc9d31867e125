import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRelay, type RelayHandle } from '../../../server/relay';
import { tempDir } from '../../../tests/support/temp-dir';
import { startWebSocketRefusingProxy } from '../../../tests/support/websocket-refusing-proxy';
import { MAX_HEALTH_BYTES, probeRelay } from './probe-relay';

let dir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayHandle;
const servers: Server[] = [];

beforeEach(async () => {
  dir = await tempDir('easel-probe-');
  relay = await createRelay({ host: '127.0.0.1', port: 0, dataDir: dir.path, token: 'guest-token' });
});
afterEach(async () => {
  await relay.close();
  for (const server of servers.splice(0)) server.close();
  await dir.remove();
});

/** Another program on a port: answers every request with `status` and `body`. */
async function otherServer(status: number, body: string): Promise<string> {
  const server = createServer((_request, response) => response.writeHead(status).end(body)).listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('probeRelay against real servers on 127.0.0.1', () => {
  it('says ok for a relay that takes the token', async () => {
    expect(await probeRelay({ relayUrl: relay.url, token: 'guest-token' })).toEqual({
      ok: true,
      relayVersion: expect.any(String),
      protocol: 1,
    });
  });

  it('says ok through a proxy that refuses WebSocket (the handshake falls back to long-polling)', async () => {
    const proxy = await startWebSocketRefusingProxy(relay.url);
    try {
      expect(await probeRelay({ relayUrl: proxy.url, token: 'guest-token' })).toMatchObject({ ok: true });
      expect(proxy.refusedUpgrades).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('tells a missing token from a wrong one', async () => {
    expect(await probeRelay({ relayUrl: relay.url })).toMatchObject({
      ok: false,
      problem: 'unauthorized',
      message: expect.stringContaining('needs a token'),
    });
    expect(await probeRelay({ relayUrl: relay.url, token: 'stale' })).toMatchObject({
      ok: false,
      problem: 'unauthorized',
      message: expect.stringContaining('refused the token'),
    });
  });

  it('says unreachable when nothing listens', async () => {
    const closed = await otherServer(200, '');
    servers.pop()!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await probeRelay({ relayUrl: closed })).toMatchObject({
      ok: false,
      problem: 'unreachable',
      message: expect.stringContaining('nothing is listening'),
    });
  });

  it('says not-a-relay for another program, and protocol-mismatch for a relay of another version', async () => {
    expect(await probeRelay({ relayUrl: await otherServer(404, 'Not found') })).toMatchObject({
      problem: 'not-a-relay',
    });
    expect(await probeRelay({ relayUrl: await otherServer(200, '{"hello":"world"}') })).toMatchObject({
      problem: 'not-a-relay',
    });
    const future = await otherServer(200, JSON.stringify({ ok: true, version: '9.0.0', protocol: 2 }));
    expect(await probeRelay({ relayUrl: future })).toMatchObject({
      ok: false,
      problem: 'protocol-mismatch',
      message: expect.stringContaining('protocol v2'),
    });
  });

  it('reads no more than 64 KiB of what answers, declared or streamed without end', async () => {
    const declared = await otherServer(
      200,
      JSON.stringify({ ok: true, version: 'x'.repeat(MAX_HEALTH_BYTES), protocol: 1 }),
    );
    expect(await probeRelay({ relayUrl: declared })).toMatchObject({ problem: 'not-a-relay' });

    let sent = 0;
    const endless = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // At most 256 MiB, so a probe that read everything would still end (and fail the byte count below).
        while (sent < 256 * 1024 * 1024 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    }).listen(0, '127.0.0.1');
    servers.push(endless);
    await once(endless, 'listening');
    const result = await probeRelay({ relayUrl: `http://127.0.0.1:${(endless.address() as AddressInfo).port}` });
    expect(result).toMatchObject({ problem: 'not-a-relay' });
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    endless.closeAllConnections();
  });

  it('gives up on an answer that starts and never finishes', async () => {
    const trickle = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"ok":');
    }).listen(0, '127.0.0.1');
    servers.push(trickle);
    await once(trickle, 'listening');
    const result = await probeRelay(
      { relayUrl: `http://127.0.0.1:${(trickle.address() as AddressInfo).port}` },
      { timeoutMs: 300 },
    );
    expect(result).toMatchObject({
      problem: 'unreachable',
      message: expect.stringContaining('did not finish answering'),
    });
    trickle.closeAllConnections();
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    servers.push(silent);
    await once(silent, 'listening');
    const started = performance.now();
    const result = await probeRelay(
      { relayUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      { timeoutMs: 300 },
    );
    expect(result).toMatchObject({ problem: 'unreachable', message: expect.stringContaining('no answer within') });
    expect(performance.now() - started).toBeLessThan(3_000);
    silent.closeAllConnections();
  });
});
