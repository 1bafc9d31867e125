import dgram from 'node:dgram';
import { once } from 'node:events';
import type { NetworkInterfaceInfo } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RelayInfo, ShareStatus } from '../../../shared/desktop';
import { freePort } from '../../../tests/support/free-port';
import { bundleRelayChild } from '../../../tests/support/relay-child-bundle';
import { tempDir } from '../../../tests/support/temp-dir';
import { waitFor } from '../../../tests/support/wait';
import { type Announcement, LanDiscovery } from '../lan/lan-discovery';
import { nodeForkSpawner } from '../relay-host/relay-child-process';
import { RelayHost } from '../relay-host/relay-host';
import { type Advertiser, SharingController } from './sharing-controller';

let bundle: Awaited<ReturnType<typeof bundleRelayChild>>;
let dir: Awaited<ReturnType<typeof tempDir>>;
let host: RelayHost;
beforeAll(async () => {
  bundle = await bundleRelayChild();
});
afterAll(() => bundle.remove());
beforeEach(async () => {
  dir = await tempDir('easel-sharing-');
  host = new RelayHost({
    spawner: nodeForkSpawner(),
    childModule: bundle.modulePath,
    dataDir: path.join(dir.path, 'boards'),
    allowedOrigins: ['app://easel'],
    logLevel: 'error',
  });
});
afterEach(async () => {
  await host.close();
  await dir.remove();
});

/** The announcements made, in order; null for a withdrawal. (Real mDNS is tested in lan-discovery.test.ts.) */
class AnnouncementLog implements Advertiser {
  readonly made: (Announcement | null)[] = [];
  async advertise(announcement: Announcement) {
    this.made.push(announcement);
  }
  async stopAdvertising() {
    this.made.push(null);
  }
}

const wlan: NetworkInterfaceInfo = {
  address: '192.168.1.20',
  family: 'IPv4',
  internal: false,
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:01',
  cidr: '192.168.1.20/24',
};

function controller(advertiser: Advertiser | null) {
  const relayChanges: RelayInfo[] = [];
  const shareChanges: ShareStatus[] = [];
  const sharing = new SharingController({
    host,
    advertiser,
    interfaces: () => ({ wlan0: [wlan] }),
    sessionName: () => 'Ann’s laptop',
    appVersion: '0.1.0',
    webClient: true,
    onRelayChange: (info) => relayChanges.push(info),
    onShareChange: (status) => shareChanges.push(status),
  });
  return { sharing, relayChanges, shareChanges };
}

describe('SharingController with the real relay host', { timeout: 60_000 }, () => {
  it('shares with the relay address of each LAN interface, announces it, and withdraws it on stop', async () => {
    const announcements = new AnnouncementLog();
    const { sharing, relayChanges, shareChanges } = controller(announcements);
    await host.start();
    expect(sharing.relayInfo()).toMatchObject({ state: 'running', sharing: false });

    const port = await freePort();
    const status = await sharing.share({ boardId: 'retro', port });
    if (!status.sharing) throw new Error('expected sharing');
    expect(status).toMatchObject({ port, guests: 0, advertised: true, webClient: true });
    expect(status.addresses).toEqual([
      expect.objectContaining({ address: '192.168.1.20', relayUrl: `http://192.168.1.20:${port}` }),
    ]);
    expect(announcements.made).toEqual([{ name: 'Ann’s laptop', port, appVersion: '0.1.0', boardId: 'retro' }]);
    expect(JSON.stringify(announcements.made)).not.toContain(host.snapshot().hostToken);
    expect(relayChanges.at(-1)).toEqual({
      state: 'running',
      url: `http://127.0.0.1:${port}`,
      token: host.snapshot().hostToken,
      sharing: true,
    });
    expect(shareChanges.at(-1)).toMatchObject({ sharing: true, port });

    await sharing.share({ boardId: 'planning' });
    expect(announcements.made.at(-1)).toMatchObject({ port, boardId: 'planning' });

    expect(await sharing.stopSharing()).toEqual({ sharing: false });
    expect(announcements.made.at(-1)).toBeNull();
    expect(relayChanges.at(-1)).toMatchObject({
      sharing: false,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
    expect(shareChanges.at(-1)).toEqual({ sharing: false });
  });

  it('re-announces after the relay crashed and came back', async () => {
    const announcements = new AnnouncementLog();
    const { sharing } = controller(announcements);
    await host.start();
    const port = await freePort();
    await sharing.share({ port });
    process.kill(host.childPid!, 'SIGKILL');
    await waitFor(() => announcements.made.length === 3, 'the withdrawal and the new announcement', 15_000);
    expect(announcements.made).toMatchObject([{ port }, null, { port }]);
    expect(sharing.status()).toMatchObject({ sharing: true, port, advertised: true });
  });

  it('reports a taken port as PORT_IN_USE and keeps working on loopback', async () => {
    const { sharing } = controller(null);
    await host.start();
    const first = await sharing.share({ port: await freePort() });
    expect(first).toMatchObject({ sharing: true, advertised: false });
    await sharing.stopSharing();
    const other = new RelayHost({
      spawner: nodeForkSpawner(),
      childModule: bundle.modulePath,
      dataDir: path.join(dir.path, 'other'),
      allowedOrigins: [],
      logLevel: 'silent',
    });
    try {
      await other.start();
      const taken = Number(new URL(other.snapshot().url!).port);
      await expect(sharing.share({ port: taken })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      expect(sharing.relayInfo()).toMatchObject({ state: 'running', sharing: false });
    } finally {
      await other.close();
    }
  });

  it('shares without the LAN announcement when mDNS is unavailable, and says why', async () => {
    // Held without SO_REUSEADDR, the port makes the real mDNS socket's bind fail (EADDRINUSE); see lan-discovery.test.ts.
    const holder = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    holder.bind(0, '0.0.0.0');
    await once(holder, 'listening');
    const mdnsPort = holder.address().port;
    const errors: unknown[] = [];
    const discovery = new LanDiscovery({
      selfId: 'self-000000000001',
      multicast: { port: mdnsPort, ip: '127.0.0.1', multicast: false },
      onError: (error) => errors.push(error),
    });
    const { sharing, shareChanges } = controller(discovery);
    try {
      await host.start();
      const port = await freePort();
      const status = await sharing.share({ boardId: 'retro', port });
      expect(status).toMatchObject({ sharing: true, port, advertised: false });
      expect(status.sharing && status.advertiseProblem).toBe(
        `The LAN announcement is unavailable: another program holds the mDNS port (UDP ${mdnsPort}) for itself.`,
      );
      expect(shareChanges.at(-1)).toMatchObject({ advertised: false, advertiseProblem: expect.any(String) });
      expect(errors).toHaveLength(1);

      await sharing.stopSharing();
      expect(sharing.status()).toEqual({ sharing: false });
    } finally {
      holder.close();
      await discovery.close();
    }
  });
});
