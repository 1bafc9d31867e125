import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRelay, type RelayHandle } from '../../../server/relay';
import { tempDir } from '../../../tests/support/temp-dir';
import { probeRelay } from './probe-relay';

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
