/**
 * "Ann is presenting — Follow": offered to everyone else on the board while
 * someone presents frames (their presence says `presenting`), unless they
 * already follow that person. Following is the ordinary follow mode, so each
 * step of the presentation moves their view (Esc stops, as always).
 */
import { useEffect, useState } from 'react';
import type { Peer } from '../../presence/peers';
import type { PresenceSession } from '../../presence/presence-session';

export function PresentingOffer({ presence, peers }: { presence: PresenceSession | null; peers: readonly Peer[] }) {
  const [following, setFollowing] = useState(presence?.follow.target ?? null);
  useEffect(() => presence?.follow.subscribe((target) => setFollowing(target)), [presence]);
  const presenter = peers.find((peer) => peer.presenting === true && peer.clientId !== following);
  if (!presence || !presenter) return null;
  return (
    <div role="status" className="easel-float easel-row easel-presenting-offer" data-testid="presenting-offer">
      <span style={{ padding: '0 6px', color: presenter.user.color }}>{presenter.user.name} is presenting</span>
      <button type="button" onClick={() => presence.follow.follow(presenter.clientId)}>
        Follow
      </button>
    </div>
  );
}
