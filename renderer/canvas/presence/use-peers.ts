import { useEffect, useState } from 'react';
import type { Peer } from '../../presence/peers';
import type { PresenceSession } from '../../presence/presence-session';

const NO_PEERS: readonly Peer[] = [];

/** The other people on the board, re-rendering when awareness changes. */
export function usePeers(presence: PresenceSession | null): readonly Peer[] {
  const [peers, setPeers] = useState<readonly Peer[]>(presence?.peers.peers ?? NO_PEERS);
  useEffect(() => {
    if (!presence) return setPeers(NO_PEERS);
    setPeers(presence.peers.peers);
    return presence.peers.subscribe(setPeers);
  }, [presence]);
  return peers;
}
