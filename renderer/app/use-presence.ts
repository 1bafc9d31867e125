import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../../shared/protocol';
import type { BoardSession } from '../canvas/board-session';
import { createPresenceSession, documentVisibility, type PresenceSession } from '../presence/presence-session';

/** Presence for the open board, built once its session and awareness exist, destroyed with them. */
export function usePresence(
  session: BoardSession | null,
  awareness: Awareness | null,
  user: PresenceUser,
): PresenceSession | null {
  const [presence, setPresence] = useState<PresenceSession | null>(null);
  useEffect(() => {
    if (!session || !awareness) return setPresence(null);
    const created = createPresenceSession(awareness, session, user, documentVisibility(document));
    setPresence(created);
    return () => created.destroy();
    // The user is applied below without rebuilding presence (a rename keeps my cursor and follow state).
  }, [session, awareness]);
  useEffect(() => presence?.local.setUser(user), [presence, user]);
  return presence;
}
