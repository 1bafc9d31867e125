import type { ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredSession } from '../../../shared/desktop';
import { createNetnsPair, type NetnsResult } from '../../../tests/support/netns';
import { waitFor } from '../../../tests/support/wait';
import { LanDiscovery, sessionOf } from './lan-discovery';

describe('sessionOf (what a browsed announcement becomes)', () => {
  const service = {
    name: 'Alpha (abcdef)',
    host: 'alpha.local',
    port: 4455,
    addresses: ['fe80::1', '2001:db8::7', '192.168.1.7'],
    txt: { v: '1', id: 'abcdefgh12', board: 'retro', app: '0.1.0' },
    referer: { address: '192.168.1.7', family: 'IPv4' as const, port: 5353, size: 100 },
  };

  it('lists the IPv4 URLs (an Easel relay takes no IPv6 connection), skips link-local, and reads the TXT record', () => {
    expect(sessionOf(service)).toEqual({
      id: 'abcdefgh12',
      name: 'Alpha (abcdef)',
      host: 'alpha.local',
      port: 4455,
      protocol: 1,
      compatible: true,
      relayUrls: ['http://192.168.1.7:4455'],
      boardId: 'retro',
    });
  });

  it('lists another protocol version as incompatible', () => {
    expect(sessionOf({ ...service, txt: { ...service.txt, v: '2' } })).toMatchObject({ compatible: false });
  });

  it('ignores announcements it cannot trust', () => {
    for (const bad of [
      { ...service, txt: {} },
      { ...service, txt: { ...service.txt, id: 'short' } },
      { ...service, txt: { ...service.txt, board: '../etc' } },
      { ...service, txt: { ...service.txt, v: 'one' } },
      { ...service, port: 0 },
      { ...service, addresses: ['fe80::1', 'not-an-ip'], referer: undefined },
      { ...service, addresses: ['2001:db8::7', '169.254.3.4'], referer: undefined },
    ]) {
      expect(sessionOf(bad)).toBeNull();
    }
  });
});

/** The peer's stdout, one JSON value per line. */
interface Peer {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  latest(): DiscoveredSession[];
  send(line: string): void;
}

describe('LanDiscovery over real multicast, between two network namespaces', () => {
  let netns: NetnsResult;
  const peers: Peer[] = [];
  const peerScript = fileURLToPath(new URL('./lan-discovery.peer.ts', import.meta.url));

  beforeAll(() => {
    netns = createNetnsPair('md');
    if (!netns.ok) console.log(`[skipped] mDNS advertise/browse test: ${netns.reason}`);
  });

  afterAll(async () => {
    for (const peer of peers) {
      if (peer.child.exitCode === null) peer.child.kill('SIGKILL');
    }
    // The namespaces go even when a peer hangs: `ip netns del` does not wait for it.
    if (netns.ok) netns.pair.remove();
  });

  function startPeer(index: 0 | 1, id: string, name: string, port: number): Peer {
    if (!netns.ok) throw new Error(netns.reason);
    const child = netns.pair.spawnIn(index, process.execPath, ['--import', 'tsx', peerScript, id, name, String(port)]);
    const lines: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) =>
      lines.push(JSON.parse(line) as Record<string, unknown>),
    );
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`mDNS peer ${name} exited ${code}:\n${stderr}`);
    });
    const peer: Peer = {
      child,
      lines,
      latest: () => (lines.findLast((line) => 'sessions' in line)?.sessions as DiscoveredSession[] | undefined) ?? [],
      send: (line) => child.stdin!.write(`${line}\n`),
    };
    peers.push(peer);
    return peer;
  }

  it('each side finds the other (never itself), and a withdrawn session disappears', async (context) => {
    if (!netns.ok) return context.skip(netns.reason);
    const [addressA] = netns.pair.addresses;
    const alpha = startPeer(0, 'alpha-0000000001', 'Alpha', 4455);
    const beta = startPeer(1, 'beta-00000000002', 'Beta', 5566);

    await waitFor(
      () => alpha.latest().some((s) => s.id.startsWith('beta')) && beta.latest().some((s) => s.id.startsWith('alpha')),
      'both peers to find each other',
      20_000,
      50,
    );
    const seenByBeta = beta.latest().find((s) => s.id === 'alpha-0000000001');
    expect(seenByBeta).toMatchObject({
      port: 4455,
      protocol: 1,
      compatible: true,
      boardId: 'retro',
      relayUrls: [`http://${addressA}:4455`],
    });
    expect(seenByBeta?.name).toMatch(/^Alpha \(alpha-\)$/);
    for (const [peer, self] of [
      [alpha, 'alpha-0000000001'],
      [beta, 'beta-00000000002'],
    ] as const) {
      const listedSelf = peer.lines.some((line) =>
        ((line.sessions as DiscoveredSession[] | undefined) ?? []).some((s) => s.id === self),
      );
      expect(listedSelf).toBe(false);
      expect(peer.lines.filter((line) => 'error' in line)).toEqual([]);
    }

    alpha.send('stop');
    await waitFor(() => !beta.latest().some((s) => s.id.startsWith('alpha')), 'the goodbye to reach beta', 10_000, 50);
    for (const peer of [alpha, beta]) peer.send('exit');
  }, 60_000);
});

describe('LanDiscovery when the mDNS port cannot be had', () => {
  /**
   * A socket holding a UDP port without SO_REUSEADDR, as a responder that
   * wants 5353 to itself does: multicast-dns's bind (with SO_REUSEADDR) then
   * fails with EADDRINUSE for real. The port is a free one rather than 5353,
   * and anything sent goes to 127.0.0.1 with multicast off, so nothing leaves
   * this machine even if the bind were to succeed.
   */
  async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
    const holder = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    holder.bind(0, '0.0.0.0');
    await once(holder, 'listening');
    return { port: holder.address().port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
  }

  it('says why advertise failed, logs the socket error once, throws nothing uncaught, and tries again next time', async () => {
    const held = await holdPort();
    const errors: unknown[] = [];
    const discovery = new LanDiscovery({
      selfId: 'self-000000000001',
      multicast: { port: held.port, ip: '127.0.0.1', multicast: false },
      onError: (error) => errors.push(error),
    });
    const announcement = { name: 'Ann', port: 4455, appVersion: '0.0.0-test' };
    try {
      await expect(discovery.advertise(announcement)).rejects.toThrow(
        `The LAN announcement is unavailable: another program holds the mDNS port (UDP ${held.port}) for itself.`,
      );
      expect(discovery.advertising).toBe(false);
      discovery.browse();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(discovery.sessions()).toEqual([]);
      // Two sockets tried (advertise, then browse); each is reported once, however often it failed.
      expect(errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['EADDRINUSE', 'EADDRINUSE']);

      await held.release();
      await discovery.advertise(announcement);
      expect(discovery.advertising).toBe(true);
    } finally {
      await held.release().catch(() => undefined);
      await discovery.close();
    }
  });
});
