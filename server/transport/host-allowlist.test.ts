import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { httpGet } from '../../tests/support/http-request';
import { connectErrorOf, connectRaw, request } from '../../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { hostAllowlist, hostNameOf } from './host-allowlist';

describe('hostAllowlist', () => {
  const allowed = hostAllowlist('127.0.0.1', ['easel.example.com', '.corp.example']);

  it('answers IP literals, localhost names, the listen host and --allow-host names, with any port', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.0.1:4455',
      '192.168.1.20:4455',
      '[::1]:4455',
      '[fd12:3456::1]',
      'localhost',
      'LOCALHOST:4455',
      'localhost.:4455',
      'app.localhost:4455',
      'easel.example.com',
      'Easel.Example.COM:443',
      'corp.example',
      'a.b.corp.example:80',
      undefined,
    ]) {
      expect(allowed(host), String(host)).toBe(true);
    }
  });

  it('refuses every other name, and anything malformed', () => {
    for (const host of [
      'evil.example',
      'evil.example:4455',
      'localhost.evil.example',
      'easel.example.com.evil.example',
      'xeasel.example.com',
      'notcorp.example',
      'sub.easel.example.com',
      '',
      '[evil]:80',
      'evil example',
      '127.0.0.1:4455/x',
      'user@127.0.0.1',
    ]) {
      expect(allowed(host), host).toBe(false);
    }
  });

  it('answers the listen host when it is a name', () => {
    expect(hostAllowlist('relay.lan', [])('relay.lan:4455')).toBe(true);
    expect(hostAllowlist('0.0.0.0', [])('relay.lan:4455')).toBe(false);
  });

  it('reads the name out of a Host header', () => {
    expect(hostNameOf('[::1]:80')).toBe('::1');
    expect(hostNameOf('Example.COM.:80')).toBe('example.com');
    expect(hostNameOf('[1.2.3.4]')).toBeNull();
  });
});

describe('a real relay behind the Host allowlist', () => {
  let dataDir: Awaited<ReturnType<typeof tempDir>>;
  let relay: RelayProcess;
  let port: string;

  beforeAll(async () => {
    dataDir = await tempDir('easel-hosts-');
    relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, '--allow-host', 'easel.example.com'], {
      env: { LOG_LEVEL: 'warn' },
    });
    port = new URL(relay.url).port;
  }, 30_000);

  afterAll(async () => {
    await relay.stop(2_000);
    await dataDir.remove();
  });

  it('answers HTTP for allowed hosts and 403 for others', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `easel.example.com:${port}`]) {
      const answer = await httpGet(`${relay.url}/healthz`, { headers: { host } });
      expect(answer.status, host).toBe(200);
    }
    for (const path of ['/api/boards', '/socket.io/?EIO=4&transport=polling', '/b/x', '/']) {
      const answer = await httpGet(`${relay.url}${path}`, { headers: { host: `evil.example:${port}` } });
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.body), path).toEqual({ ok: false, error: 'host not allowed' });
    }
    expect(relay.stdout()).toMatch(/"host":"evil\.example:\d+".*host name not on the allowlist/);
    // Health checks pass whatever the Host: a proxy probes by the upstream's name (Caddy: relay-1:4455).
    const probe = await httpGet(`${relay.url}/healthz`, { headers: { host: `relay-1:${port}` } });
    expect(probe.status).toBe(200);
    expect(JSON.parse(probe.body)).toMatchObject({ ok: true });
    const post = await httpGet(`${relay.url}/healthz`, { headers: { host: `evil.example:${port}` }, method: 'POST' });
    expect(post.status).toBe(403);
  }, 30_000);

  it('refuses the WebSocket handshake of a DNS-rebinding page (Host and Origin both evil.example)', async () => {
    const rebinding = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const websocket = await connectErrorOf(relay.url, { v: PROTOCOL_VERSION }, { extraHeaders: rebinding });
    expect(websocket.message).toMatch(/websocket error/);
    const polling = await connectErrorOf(
      relay.url,
      { v: PROTOCOL_VERSION },
      { extraHeaders: rebinding, transports: ['polling'] },
    );
    expect(polling.message).toMatch(/xhr poll error/);
  }, 30_000);

  it('admits sockets for allowed hosts, with their own origin', async () => {
    for (const host of [`localhost:${port}`, `easel.example.com:${port}`]) {
      const socket = await connectRaw(
        relay.url,
        { v: PROTOCOL_VERSION },
        { extraHeaders: { host, origin: `http://${host}` } },
      );
      try {
        expect(
          await request(socket, 'board:join', { boardId: 'allowed', stateVector: new Uint8Array([0]) }),
        ).toMatchObject({ ok: true });
      } finally {
        socket.close();
      }
    }
    // An allowed host does not make a foreign origin acceptable.
    const foreign = await connectErrorOf(
      relay.url,
      { v: PROTOCOL_VERSION },
      { extraHeaders: { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` } },
    );
    expect(foreign.message).toMatch(/websocket error/);
  }, 30_000);
});
