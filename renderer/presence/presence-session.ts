/**
 * Everything presence needs for one open board, built from the board's
 * awareness and its BoardSession, and destroyed with them.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../../shared/protocol';
import type { BoardSession } from '../canvas/board-session';
import { FollowController } from './follow-controller';
import { LocalPresence, type PageVisibility } from './local-presence';
import { PeerList } from './peers';

export interface PresenceSession {
  local: LocalPresence;
  peers: PeerList;
  follow: FollowController;
  /** The canvas changed size (the stage size the session reads is already the new one). */
  stageResized(): void;
  destroy(): void;
}

export function createPresenceSession(
  awareness: Awareness,
  session: BoardSession,
  user: PresenceUser,
  visibility: PageVisibility,
): PresenceSession {
  const local = new LocalPresence({
    awareness,
    ui: session.ui,
    controller: session.controller,
    user,
    visibility,
    now: () => Date.now(),
    stageSize: () => session.stageSize,
  });
  const peers = new PeerList(awareness);
  const follow = new FollowController(peers, session.ui, local, () => session.stageSize);
  return {
    local,
    peers,
    follow,
    stageResized() {
      local.stageResized();
      follow.stageResized();
    },
    destroy() {
      follow.destroy();
      peers.destroy();
      local.destroy();
    },
  };
}

/** The page's visibility (a hidden tab is "away"). */
export function documentVisibility(doc: Document): PageVisibility {
  return {
    hidden: () => doc.visibilityState === 'hidden',
    onChange(listener) {
      doc.addEventListener('visibilitychange', listener);
      return () => doc.removeEventListener('visibilitychange', listener);
    },
  };
}
