import { afterEach, describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../options';
import type { ClientSink } from '../load-client';
import { updateKeys } from '../update-id';
import { type PeerProcess, PEERS, startPeer } from './peer-process';
import { ratioToBestPeer, type SideBySideRow } from './side-by-side';
import { YSyncLoadClient } from './y-sync-client';

/** What one client saw: its sends' keys, acks and the keys it received. */
function recordingSink() {
  const sent: number[] = [];
  const acked: number[] = [];
  const received: number[][] = [];
  const fatal: string[] = [];
  const sink = (): ClientSink => ({
    sent: (_client, key) => sent.push(key) - 1,
    acked: (sendIndex, ack) => (ack.ok ? acked.push(sendIndex) : fatal.push(JSON.stringify(ack))),
    received: (_client, update) => received.push(updateKeys(new Uint8Array(update as Uint8Array))),
    fatal: (message) => fatal.push(message),
  });
  return { sent, acked, received, fatal, sink };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(PEERS)('the %s load client against the real server', (peer) => {
  let server: PeerProcess | undefined;
  const clients: YSyncLoadClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.stop();
  });

  it('joins, and an edit one client sends reaches the other (acked where the peer acks)', async () => {
    server = await startPeer(peer);
    const ann = recordingSink();
    const bob = recordingSink();
    clients.push(new YSyncLoadClient(0, server.url, 'bench', ann.sink(), peer));
    clients.push(new YSyncLoadClient(1, server.url, 'bench', bob.sink(), peer));
    for (const client of clients) await client.connect(10_000);
    for (const client of clients) await client.join(10_000);
    clients[0]!.prepare(3);
    for (let i = 0; i < 3; i++) expect(clients[0]!.sendEdit()).toBe(true);

    await until(() => bob.received.flat().length >= 3, 'Bob to receive three edits');
    expect(bob.received.flat()).toEqual(expect.arrayContaining(ann.sent));
    if (peer === 'hocuspocus') await until(() => ann.acked.length === 3, 'three SyncStatus acks');
    else expect(clients[0]!.expectsAcks).toBe(false);
    expect([...ann.fatal, ...bob.fatal]).toEqual([]);
  });
});

describe('--against', () => {
  it('takes a list of known peers and refuses anything else, or a mix with --hostile', () => {
    const parsed = parseBenchOptions(['--against', 'hocuspocus,y-websocket']);
    expect(parsed.kind === 'run' && parsed.options.against).toEqual(['hocuspocus', 'y-websocket']);
    expect(parseBenchOptions(['--against', 'sharedb'])).toMatchObject({ kind: 'error' });
    expect(parseBenchOptions(['--against', 'hocuspocus', '--hostile'])).toMatchObject({ kind: 'error' });
    expect(parseBenchOptions(['--against', 'hocuspocus', '--nodes', '3'])).toMatchObject({ kind: 'error' });
    const nodes = parseBenchOptions(['--nodes', '3']);
    expect(nodes.kind === 'run' && nodes.options.nodes).toBe(3);
    expect(parseBenchOptions(['--nodes', '1'])).toMatchObject({ kind: 'error' });
  });

  it("compares Easel's p99 with the best peer that delivered everything", () => {
    const row = (server: SideBySideRow['server'], p99: number, lost = 0) =>
      ({ server, measured: { deliveryMs: { p99 }, lost } }) as unknown as SideBySideRow;
    const { ratio, bestPeer } = ratioToBestPeer([row('easel', 10), row('hocuspocus', 20), row('y-websocket', 5, 3)]);
    expect(bestPeer?.server).toBe('hocuspocus');
    expect(ratio).toBe(0.5);
  });
});
