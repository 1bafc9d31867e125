/**
 * Who is on the board: me (name editable) and everyone else with their
 * colour, initials and whether they are active, idle or away. Clicking
 * someone follows their view; while I follow, a bar says so (Esc stops),
 * and whoever is followed sees who follows them.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { PresenceUser } from '../../shared/protocol';
import { initialsOf } from '../presence/identity';
import type { Peer } from '../presence/peers';
import type { PresenceSession } from '../presence/presence-session';

const ACTIVITY_LABEL = { active: 'active', idle: 'idle', away: 'away' } as const;

function Avatar({ user, initials, dim }: { user: PresenceUser; initials: string; dim?: boolean }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-grid',
        placeItems: 'center',
        width: 26,
        height: 26,
        borderRadius: 13,
        background: user.color,
        color: '#fff',
        fontSize: 11,
        fontWeight: 600,
        opacity: dim ? 0.45 : 1,
      }}
    >
      {initials}
    </span>
  );
}

export function ParticipantsList({
  presence,
  peers,
  onRename,
}: {
  presence: PresenceSession;
  peers: readonly Peer[];
  /** Saves a new name; returns an error message when it is not allowed. */
  onRename: (name: string) => string | null;
}) {
  const [following, setFollowing] = useState(presence.follow.target);
  useEffect(() => presence.follow.subscribe((target) => setFollowing(target)), [presence]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const me = presence.local.identity;
  const ownId = presence.local.clientId;
  const followers = peers.filter((peer) => peer.following === ownId);
  const followed = peers.find((peer) => peer.clientId === following);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    const problem = onRename(name);
    setError(problem);
    if (!problem) setEditing(false);
  };

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      <ul
        aria-label="People on this board"
        style={{ display: 'flex', gap: 4, listStyle: 'none', margin: 0, padding: 0 }}
      >
        <li title={`${me.name} (you)`} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
          <Avatar user={me} initials={initialsOf(me.name)} />
          {editing ? (
            <form onSubmit={submit} style={{ display: 'inline-flex', gap: 4 }}>
              <input name="name" aria-label="Your name" defaultValue={me.name} maxLength={64} autoFocus />
              <button type="submit">Save</button>
              {error && <span role="alert">{error}</span>}
            </form>
          ) : (
            <button type="button" aria-label={`Your name: ${me.name}. Change it`} onClick={() => setEditing(true)}>
              {me.name}
            </button>
          )}
        </li>
        {peers.map((peer) => (
          <li key={peer.clientId}>
            <button
              type="button"
              data-testid="participant"
              data-name={peer.user.name}
              data-activity={peer.activity}
              aria-pressed={following === peer.clientId}
              aria-label={`${peer.user.name}, ${ACTIVITY_LABEL[peer.activity]}. ${following === peer.clientId ? 'Stop following' : 'Follow'}`}
              title={`${peer.user.name} (${ACTIVITY_LABEL[peer.activity]}) — click to ${following === peer.clientId ? 'stop following' : 'follow'}`}
              onClick={() =>
                following === peer.clientId ? presence.follow.stop('input') : presence.follow.follow(peer.clientId)
              }
              style={{ padding: 0, border: 'none', background: 'none', borderRadius: 13 }}
            >
              <Avatar user={peer.user} initials={peer.initials} dim={peer.activity !== 'active'} />
            </button>
          </li>
        ))}
      </ul>
      {followed && (
        <span role="status" data-testid="following-banner" style={{ color: followed.user.color, fontSize: 12 }}>
          Following {followed.user.name} — Esc to stop
        </span>
      )}
      {followers.length > 0 && (
        <span data-testid="followers" style={{ fontSize: 12, color: '#555' }}>
          {followers.map((peer) => peer.user.name).join(', ')} {followers.length === 1 ? 'is' : 'are'} following you
        </span>
      )}
    </div>
  );
}
