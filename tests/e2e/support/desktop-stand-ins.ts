/**
 * What the desktop bridge (desktop-bridge.ts) puts in place of the parts of
 * the app that Chromium without Electron, or this machine, cannot offer:
 * fixed network interfaces, native dialogs answered by the test, a LAN
 * announcer that records instead of multicasting, a spawner that remembers
 * the relay child (so a test can kill it), and a static origin serving the
 * built client where the app would use app://easel. The bridge's header
 * explains why each is needed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DialogPort } from '../../../electron/main/files/file-service';
import type { NetworkInterfaces } from '../../../electron/main/lan/lan-addresses';
import type { Announcement } from '../../../electron/main/lan/lan-discovery';
import type { RelayChild, RelayChildSpawner } from '../../../electron/main/relay-host/relay-child-process';
import type { Advertiser } from '../../../electron/main/sharing/sharing-controller';
import { openWebRoot } from '../../../server/transport/static-client';
import { type DiscoveredSession, discoveredSessionSchema } from '../../../shared/desktop/schemas';

export const TEST_INTERFACES: NetworkInterfaces = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
  eth0: [
    {
      address: '192.0.2.10',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: '02:00:00:00:00:0a',
      internal: false,
      cidr: '192.0.2.10/24',
    },
  ],
};
export const TEST_SESSION_NAME = 'Easel on test-host';

export interface ShownDialog {
  kind: 'open' | 'save';
  title: string;
  /** The save dialog's suggested path. */
  defaultPath?: string;
  answer: string | null;
}

/** The native open and save dialogs, answered by the test: a path, or null for Cancel. */
export class DialogAnswers implements DialogPort {
  private readonly opens: (string | null)[] = [];
  private readonly saves: (string | null)[] = [];
  readonly shown: ShownDialog[] = [];

  nextOpen(answer: string | null): void {
    this.opens.push(answer);
  }

  nextSave(answer: string | null): void {
    this.saves.push(answer);
  }

  showOpenDialog(options: { title: string }): Promise<{ canceled: boolean; filePaths: string[] }> {
    const answer = this.take(this.opens, 'open', options.title);
    this.shown.push({ kind: 'open', title: options.title, answer });
    return Promise.resolve(
      answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] },
    );
  }

  showSaveDialog(options: { title: string; defaultPath: string }): Promise<{ canceled: boolean; filePath?: string }> {
    const answer = this.take(this.saves, 'save', options.title);
    this.shown.push({ kind: 'save', title: options.title, defaultPath: options.defaultPath, answer });
    return Promise.resolve(answer === null ? { canceled: true } : { canceled: false, filePath: answer });
  }

  private take(queue: (string | null)[], kind: string, title: string): string | null {
    if (queue.length === 0) throw new Error(`the ${kind} dialog "${title}" was shown, but the test queued no answer`);
    return queue.shift() ?? null;
  }
}

/** LanDiscovery's place: what would be announced over mDNS, and sessions the test says were found. */
export class RecordingLan implements Advertiser {
  /** Every announcement made, in order; null entries are withdrawals. */
  readonly history: (Announcement | null)[] = [];
  browsing = false;
  private found: DiscoveredSession[] = [];

  constructor(private readonly onChange: (sessions: DiscoveredSession[]) => void) {}

  advertise(announcement: Announcement): Promise<void> {
    this.history.push(announcement);
    return Promise.resolve();
  }

  stopAdvertising(): Promise<void> {
    this.history.push(null);
    return Promise.resolve();
  }

  /** What is announced now, or null. */
  get announced(): Announcement | null {
    return this.history.at(-1) ?? null;
  }

  browse(): void {
    this.browsing = true;
  }

  sessions(): DiscoveredSession[] {
    return [...this.found];
  }

  /** These sessions are on the LAN now (they replace the previous list), as LanDiscovery's onChange reports. */
  discover(sessions: DiscoveredSession[]): void {
    this.found = sessions.map((session) => discoveredSessionSchema.parse(session));
    this.onChange(this.sessions());
  }
}

/** Keeps the last relay child the host started, so a test can kill it as a crash would. */
export function recordingSpawner(inner: RelayChildSpawner): RelayChildSpawner & { latest: () => RelayChild | null } {
  let latest: RelayChild | null = null;
  return {
    fork(modulePath, args) {
      latest = inner.fork(modulePath, args);
      return latest;
    },
    latest: () => latest,
  };
}

export interface StaticOrigin {
  readonly origin: string;
  close(): Promise<void>;
}

/** The built web client on its own 127.0.0.1 port, without the relay's CSP header (see the header comment). */
export async function startStaticOrigin(webRoot: string): Promise<StaticOrigin> {
  const client = await openWebRoot(webRoot);
  const server = http.createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    const isRoute = !path.posix.basename(pathname).includes('.');
    void (async () => {
      const file = (await client.fileFor(pathname)) ?? (isRoute ? await client.fileFor('/') : null);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(file.headers).filter(([name]) => name !== 'content-security-policy'),
      );
      response.writeHead(200, headers).end(file.body);
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
