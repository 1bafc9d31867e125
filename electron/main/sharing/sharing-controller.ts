import { isDeepStrictEqual } from 'node:util';
import type { RelayInfo, ShareStatus } from '../../../shared/desktop';
import { DesktopFailure } from '../ipc/desktop-failure';
import { lanAddresses, type NetworkInterfaces } from '../lan/lan-addresses';
import type { Announcement } from '../lan/lan-discovery';
import { type RelayHost, type RelayHostSnapshot, ShareError } from '../relay-host/relay-host';
import { relayInfoOf, shareStatusOf } from '../relay-host/relay-views';

/**
 * The mDNS half of sharing (LanDiscovery), or null to share without announcing.
 * advertise() rejects with a sentence the share dialog can show, after
 * logging whatever it has to log itself.
 */
export interface Advertiser {
  advertise(announcement: Announcement): Promise<void>;
  stopAdvertising(): Promise<void>;
}

export interface SharingOptions {
  host: RelayHost;
  advertiser: Advertiser | null;
  /** `os.networkInterfaces`, read each time: addresses change as networks come and go. */
  interfaces: () => NetworkInterfaces;
  /** The name other apps' Join lists show for this session. */
  sessionName: () => string;
  appVersion: string;
  /** Whether the relay serves the browser client to guests (the http links work). */
  webClient: boolean;
  onRelayChange(info: RelayInfo): void;
  onShareChange(status: ShareStatus): void;
}

/**
 * "Share on LAN" as the renderer sees it: the relay host plus the mDNS
 * announcement and the join links. It tells the windows when the relay moved
 * (they reconnect with the host token) and when the sharing status changed
 * (guests came or went), and keeps the announcement in step with the relay,
 * including after a crash and restart.
 */
export class SharingController {
  private boardId: string | undefined;
  private announced: Announcement | null = null;
  /** Why the last announcement failed (mDNS unavailable); cleared by the next that works, and by stopping. */
  private advertiseProblem: string | undefined;
  private advertising: Promise<void> = Promise.resolve();
  private lastInfo: RelayInfo | null = null;
  private lastStatus: ShareStatus | null = null;

  constructor(private readonly options: SharingOptions) {
    options.host.onChange((snapshot) => this.changed(snapshot));
  }

  relayInfo(): RelayInfo {
    return relayInfoOf(this.options.host.snapshot());
  }

  status(): ShareStatus {
    return this.statusOf(this.options.host.snapshot());
  }

  async share(request: { port?: number; boardId?: string } = {}): Promise<ShareStatus> {
    if (request.boardId !== undefined) this.boardId = request.boardId;
    try {
      await this.options.host.share({ ...(request.port !== undefined && { port: request.port }) });
    } catch (error) {
      if (error instanceof ShareError) throw new DesktopFailure(error.code, error.message);
      throw error;
    }
    // Sharing again on the same port changes nothing in the host, but may change the announced board.
    this.sync(this.options.host.snapshot());
    await this.advertising;
    return this.status();
  }

  async stopSharing(): Promise<ShareStatus> {
    await this.options.host.stopSharing();
    await this.advertising;
    return this.status();
  }

  /** Withdraws the announcement; the host is closed by its owner. */
  async close(): Promise<void> {
    this.sync(null);
    await this.advertising;
  }

  private statusOf(snapshot: RelayHostSnapshot): ShareStatus {
    return shareStatusOf(snapshot, lanAddresses(this.options.interfaces()), {
      advertised: this.announced !== null,
      ...(this.advertiseProblem !== undefined && { advertiseProblem: this.advertiseProblem }),
      webClient: this.options.webClient,
    });
  }

  private changed(snapshot: RelayHostSnapshot): void {
    this.sync(snapshot);
    const info = relayInfoOf(snapshot);
    if (!isDeepStrictEqual(info, this.lastInfo)) {
      this.lastInfo = info;
      this.options.onRelayChange(info);
    }
    this.emitStatus(snapshot);
  }

  private emitStatus(snapshot: RelayHostSnapshot): void {
    const status = this.statusOf(snapshot);
    if (isDeepStrictEqual(status, this.lastStatus)) return;
    this.lastStatus = status;
    this.options.onShareChange(status);
  }

  /** Keeps the announcement matching the shared port (and board), one mDNS change at a time. */
  private sync(snapshot: RelayHostSnapshot | null): void {
    const shared = snapshot?.share ? snapshot : null;
    const advertiser = this.options.advertiser;
    if (!advertiser) return;
    const wanted: Announcement | null = shared?.share
      ? {
          name: this.options.sessionName(),
          port: shared.share.port,
          appVersion: this.options.appVersion,
          ...(this.boardId !== undefined && { boardId: this.boardId }),
        }
      : null;
    if (isDeepStrictEqual(wanted, this.announced)) return;
    this.announced = wanted;
    this.advertising = this.advertising
      .then(() => (wanted ? advertiser.advertise(wanted) : advertiser.stopAdvertising()))
      .then(
        () => {
          if (this.announced === wanted) this.advertiseProblem = undefined;
        },
        // The advertiser has logged it; the dialog says it (advertiseProblem).
        (error: unknown) => {
          if (this.announced !== wanted) return;
          this.announced = null;
          if (wanted) this.advertiseProblem = error instanceof Error ? error.message.slice(0, 500) : String(error);
        },
      )
      .then(() => this.emitStatus(this.options.host.snapshot()));
  }
}
