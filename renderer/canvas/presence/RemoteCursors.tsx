/**
 * Other people's pointers over the canvas, with their names, in their
 * colours. DOM elements rather than canvas pixels: moving one is a transform
 * the compositor applies, and each is a real element tests and assistive
 * tools can find. Positions are board coordinates, turned into screen
 * pixels every frame, so a cursor stays on the same board point under any
 * pan and zoom; between updates it glides (CursorTrack).
 *
 * Positions come straight from the peer list as awareness changes, not
 * through React: a move starts its glide the moment it arrives and is drawn
 * in the next frame. React renders the cursors only when one appears, goes
 * or changes name, colour or activity (usePeers).
 */
import { useEffect, useRef } from 'react';
import { CursorTrack } from '../../presence/cursor-track';
import type { Peer } from '../../presence/peers';
import type { PresenceSession } from '../../presence/presence-session';
import type { UiStore } from '../../state/ui-store';
import { usePeers } from './use-peers';
import { boardToScreen } from '../viewport-math';

interface Tracked {
  track: CursorTrack;
  last: { x: number; y: number };
}

/** Starts a glide for each cursor that moved, and forgets those no longer shown. */
function trackCursors(tracked: Map<number, Tracked>, peers: readonly Peer[], now: number): void {
  const present = new Set<number>();
  for (const peer of peers) {
    const cursor = peer.cursor;
    if (!cursor) continue;
    present.add(peer.clientId);
    const entry = tracked.get(peer.clientId);
    if (!entry) {
      const track = new CursorTrack();
      track.moveTo(cursor, now);
      tracked.set(peer.clientId, { track, last: cursor });
    } else if (entry.last.x !== cursor.x || entry.last.y !== cursor.y) {
      entry.track.moveTo(cursor, now);
      entry.last = cursor;
    }
  }
  for (const id of [...tracked.keys()]) if (!present.has(id)) tracked.delete(id);
}

export function RemoteCursors({ presence, ui }: { presence: PresenceSession | null; ui: UiStore }) {
  const tracked = useRef(new Map<number, Tracked>());
  const elements = useRef(new Map<number, HTMLDivElement>());
  const visible = usePeers(presence).filter((peer) => peer.cursor !== null);

  useEffect(() => {
    if (!presence) return;
    trackCursors(tracked.current, presence.peers.peers, performance.now());
    return presence.peers.subscribe((peers) => trackCursors(tracked.current, peers, performance.now()));
  }, [presence]);

  useEffect(() => {
    let frame = 0;
    const place = () => {
      const now = performance.now();
      const { viewport } = ui.getState();
      for (const [id, el] of elements.current) {
        const position = tracked.current.get(id)?.track.positionAt(now);
        if (!position) continue;
        const { x, y } = boardToScreen(viewport, position);
        const transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
        if (el.style.transform !== transform) el.style.transform = transform;
        // Hidden until placed, so a new cursor never flashes at the top-left corner.
        if (el.style.visibility !== 'visible') el.style.visibility = 'visible';
      }
      frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [ui]);

  return (
    <div aria-hidden="true" style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden' }}>
      {visible.map((peer) => (
        <div
          key={peer.clientId}
          ref={(el) => {
            if (el) elements.current.set(peer.clientId, el);
            else elements.current.delete(peer.clientId);
          }}
          data-testid="remote-cursor"
          data-name={peer.user.name}
          data-client-id={peer.clientId}
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            visibility: 'hidden',
            willChange: 'transform',
            opacity: peer.activity === 'active' ? 1 : 0.5,
          }}
        >
          <svg width="18" height="18" viewBox="0 0 18 18" style={{ display: 'block' }}>
            <path
              d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z"
              fill={peer.user.color}
              stroke="#ffffff"
              strokeWidth="1.2"
            />
          </svg>
          <span
            style={{
              position: 'absolute',
              left: 14,
              top: 16,
              background: peer.user.color,
              color: '#ffffff',
              font: '12px system-ui, sans-serif',
              padding: '1px 6px',
              borderRadius: 8,
              whiteSpace: 'nowrap',
            }}
          >
            {peer.user.name}
          </span>
        </div>
      ))}
    </div>
  );
}
