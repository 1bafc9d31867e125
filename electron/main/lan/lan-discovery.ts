import { isIP } from 'node:net';
import type { Bonjour, Browser, Service } from 'bonjour-service';
import { z } from 'zod';
import { type DiscoveredSession, relayUrlFor } from '../../../shared/desktop';
import { boardIdSchema, PROTOCOL_VERSION } from '../../../shared/protocol';
import { type MulticastOptions, openMdns } from './mdns-socket';

/** DNS-SD service type: `_easel._tcp.local`. */
export const EASEL_SERVICE_TYPE = 'easel';

export interface Announcement {
  /** Shown in other apps' Join lists (e.g. "Ann's MacBook"). */
  name: string;
  port: number;
  boardId?: string;
  appVersion: string;
}

/**
 * TXT record of an announcement. It is read from the network, so every field
 * is checked and bounded. The token is never in it: a guest still needs the
 * link (or the token) from the host.
 */
const txtSchema = z.object({
  v: z.string().regex(/^\d{1,4}$/),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  board: boardIdSchema.optional(),
  app: z.string().max(32).optional(),
});

const MAX_SESSIONS = 100;
const MAX_NAME_LENGTH = 63;

export interface LanDiscoveryOptions {
  /** This app's id in TXT `id`: its own announcement is left out of `sessions()`. */
  selfId: string;
  /** Passed to multicast-dns (e.g. `interface`); tests leave it alone inside their namespace. */
  multicast?: MulticastOptions;
  onChange?: (sessions: DiscoveredSession[]) => void;
  /** An mDNS socket error: the first of each socket, to log. */
  onError?: (error: unknown) => void;
}

/**
 * mDNS/DNS-SD for LAN sessions (bonjour-service): announces this app's
 * session while it shares, and lists the sessions other Easel apps announce.
 * The multicast socket opens on first use and closes in close(). When it
 * cannot be opened (mdns-socket.ts), advertise() rejects with the reason and
 * browse() finds nothing; the next use tries again.
 */
export class LanDiscovery {
  private opening: Promise<Bonjour> | null = null;
  private browsing = false;
  private published: Service | null = null;
  private browser: Browser | null = null;
  private readonly found = new Map<string, DiscoveredSession>();

  constructor(private readonly options: LanDiscoveryOptions) {}

  /** Announces (or re-announces with new details) this app's session; rejects when mDNS is unavailable. */
  async advertise(announcement: Announcement): Promise<void> {
    await this.stopAdvertising();
    const opening = this.open();
    // Why the socket would not open went to onError already.
    const bonjour = await opening;
    // Closed while the socket opened: announce nothing on it.
    if (this.opening !== opening) return;
    const txt: Record<string, string> = {
      v: String(PROTOCOL_VERSION),
      id: this.options.selfId,
      app: announcement.appVersion.slice(0, 32),
    };
    if (announcement.boardId !== undefined) txt.board = announcement.boardId;
    // The id suffix keeps two hosts of the same name from colliding (DNS-SD names must be unique).
    const name = `${announcement.name.slice(0, MAX_NAME_LENGTH - 9)} (${this.options.selfId.slice(0, 6)})`;
    this.published = bonjour.publish({ name, type: EASEL_SERVICE_TYPE, port: announcement.port, txt });
    this.published.on('error', (error: unknown) => this.options.onError?.(error));
  }

  /** Withdraws the announcement (an mDNS goodbye, so browsers drop it at once). */
  stopAdvertising(): Promise<void> {
    const service = this.published;
    this.published = null;
    if (!service) return Promise.resolve();
    return new Promise((resolve) => service.stop?.(() => resolve()));
  }

  get advertising(): boolean {
    return this.published !== null;
  }

  /** Starts listening for other sessions; `sessions()` and onChange report them. */
  browse(): void {
    if (this.browsing) return;
    this.browsing = true;
    const opening = this.open();
    opening.then(
      (bonjour) => {
        if (this.opening === opening && this.browsing) this.browser = this.browseOn(bonjour);
      },
      // Unavailable (already reported): a later browse() tries again.
      () => void (this.browsing = false),
    );
  }

  private browseOn(bonjour: Bonjour): Browser {
    const browser = bonjour.find({ type: EASEL_SERVICE_TYPE });
    const update = (service: Service) => {
      const session = sessionOf(service);
      const key = service.fqdn;
      if (!session || session.id === this.options.selfId) {
        if (this.found.delete(key)) this.changed();
        return;
      }
      if (!this.found.has(key) && this.found.size >= MAX_SESSIONS) return;
      this.found.set(key, session);
      this.changed();
    };
    browser.on('up', update);
    browser.on('txt-update', update);
    browser.on('srv-update', update);
    browser.on('down', (service) => {
      if (this.found.delete(service.fqdn)) this.changed();
    });
    return browser;
  }

  sessions(): DiscoveredSession[] {
    return [...this.found.values()];
  }

  async close(): Promise<void> {
    await this.stopAdvertising();
    this.browsing = false;
    this.browser?.stop();
    this.browser = null;
    const opening = this.opening;
    this.opening = null;
    const bonjour = await opening?.catch(() => null);
    if (bonjour) await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }

  private open(): Promise<Bonjour> {
    const opening = (this.opening ??= openMdns(this.options.multicast ?? {}, (error) => this.options.onError?.(error)));
    // A failed open is forgotten, so the next share or browse tries the socket again.
    opening.catch(() => {
      if (this.opening === opening) this.opening = null;
    });
    return opening;
  }

  private changed(): void {
    this.options.onChange?.(this.sessions());
  }
}

/** A browsed service as a session, or null when it is not one we understand. */
export function sessionOf(
  service: Pick<Service, 'name' | 'host' | 'port' | 'addresses' | 'txt' | 'referer'>,
): DiscoveredSession | null {
  const txt = txtSchema.safeParse(service.txt);
  if (!txt.success) return null;
  if (!Number.isInteger(service.port) || service.port < 1 || service.port > 65535) return null;
  const announced = [...(service.addresses ?? []), ...(service.referer ? [service.referer.address] : [])];
  // IPv4 only: an Easel relay shares on 0.0.0.0, so its IPv6 addresses take no connection.
  const addresses = [...new Set(announced)].filter((address) => isIP(address) === 4 && !address.startsWith('169.254.'));
  if (addresses.length === 0) return null;
  const protocol = Number(txt.data.v);
  return {
    id: txt.data.id,
    name: String(service.name).slice(0, MAX_NAME_LENGTH),
    host: String(service.host).slice(0, 255),
    port: service.port,
    protocol,
    compatible: protocol === PROTOCOL_VERSION,
    relayUrls: addresses.map((address) => relayUrlFor(address, service.port)),
    ...(txt.data.board !== undefined && { boardId: txt.data.board }),
  };
}
