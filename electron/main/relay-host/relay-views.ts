import { type RelayInfo, relayUrlFor, type ShareStatus } from '../../../shared/desktop';
import type { LanAddress } from '../lan/lan-addresses';
import type { RelayHostSnapshot } from './relay-host';

/** What the renderer learns about the embedded relay: where to connect and with which token. */
export function relayInfoOf(snapshot: RelayHostSnapshot): RelayInfo {
  return {
    state: snapshot.state,
    url: snapshot.url,
    token: snapshot.hostToken,
    sharing: snapshot.share !== null,
    ...(snapshot.error !== undefined && { error: snapshot.error }),
  };
}

export interface ShareViewOptions {
  advertised: boolean;
  /** Why the announcement failed, when it did. */
  advertiseProblem?: string;
  webClient: boolean;
}

/**
 * The sharing panel's content: the relay's address on each LAN interface (the
 * dialog makes links from them with its passes' tokens), and the guest count.
 */
export function shareStatusOf(
  snapshot: RelayHostSnapshot,
  addresses: readonly LanAddress[],
  options: ShareViewOptions,
): ShareStatus {
  const share = snapshot.share;
  if (!share) return { sharing: false };
  return {
    sharing: true,
    port: share.port,
    guests: share.guests,
    advertised: options.advertised,
    ...(options.advertiseProblem !== undefined && { advertiseProblem: options.advertiseProblem }),
    webClient: options.webClient,
    addresses: addresses.map((lan) => ({ ...lan, relayUrl: relayUrlFor(lan.address, share.port) })),
  };
}
