import { useEffect, useState } from 'react';
import { type Peer, sameButCursorPositions } from '../../presence/peers';
import type { PresenceSession } from '../../presence/presence-session';

const NO_PEERS: readonly Peer[] = [];

/**
 * The other people on the board, re-rendering when awareness changes in
 * anything but where a cursor is: names, colours, activity, selections,
 * gestures, follow, and cursors appearing or going. Cursor motion (most of
 * the traffic: everyone's pointer at 30 Hz) would re-render the board and
 * the header for nothing; RemoteCursors follows the positions itself.
 */
export function usePeers(presence: PresenceSession | null): readonly Peer[] {
  const [peers, setPeers] = useState<readonly Peer[]>(presence?.peers.peers ?? NO_PEERS);
  useEffect(() => {
    if (!presence) return setPeers(NO_PEERS);
    setPeers(presence.peers.peers);
    return presence.peers.subscribe((next) =>
      setPeers((shown) => (sameButCursorPositions(shown, next) ? shown : next)),
    );
  }, [presence]);
  return peers;
}
