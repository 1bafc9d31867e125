/**
 * The other people on a board, read from awareness. A state is remote input:
 * one that fails the presence schema is left out (and reported once per
 * client), never drawn half-valid. Awareness replaces a client's state
 * object when it changes, so a state that is the same object as last time
 * is not validated again: with N people each moving at 30 Hz, validating
 * every state on every change would cost N² parses a second.
 */
import type { Awareness } from 'y-protocols/awareness';
import { type PresenceState, presenceStateSchema } from '../../shared/protocol';
import { initialsOf } from './identity';

export interface Peer extends PresenceState {
  clientId: number;
  initials: string;
}

/** What a state read last time became (null: it was invalid), keyed by client id. */
export type ReadCache = Map<number, { state: unknown; peer: Peer | null }>;

export function readPeers(
  states: ReadonlyMap<number, unknown>,
  ownClientId: number,
  onInvalid?: (clientId: number, error: string) => void,
  /** States read before; the same state object is not validated again. Updated in place. */
  cache?: ReadCache,
): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    // An empty state is a client that has joined but not said anything yet.
    if (state === null || (typeof state === 'object' && Object.keys(state).length === 0)) continue;
    const known = cache?.get(clientId);
    if (known && known.state === state) {
      if (known.peer) peers.push(known.peer);
      continue;
    }
    const parsed = presenceStateSchema.safeParse(state);
    const peer = parsed.success ? { ...parsed.data, clientId, initials: initialsOf(parsed.data.user.name) } : null;
    cache?.set(clientId, { state, peer });
    if (peer) peers.push(peer);
    else onInvalid?.(clientId, parsed.error?.issues[0]?.message ?? 'invalid');
  }
  if (cache) for (const clientId of cache.keys()) if (!states.has(clientId)) cache.delete(clientId);
  // A stable order for the participants list: by name, then by id.
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/**
 * Whether two peer lists differ at most in where cursors are (not in
 * whether they are shown). Cursor motion is nearly all of presence traffic,
 * and only the cursors themselves need it (RemoteCursors follows the list
 * directly); everything else can skip re-rendering for it.
 */
export function sameButCursorPositions(a: readonly Peer[], b: readonly Peer[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((peer, i) => {
    const other = b[i];
    if (peer === other) return true;
    if (!other) return false;
    if (peer.clientId !== other.clientId || (peer.cursor === null) !== (other.cursor === null)) return false;
    // The laser trail is drawn by the laser layer, which reads the list itself (canvas/presence/LaserLayer.tsx).
    return (
      JSON.stringify({ ...peer, cursor: null, laser: null }) === JSON.stringify({ ...other, cursor: null, laser: null })
    );
  });
}

/** Keeps a validated list of peers, refreshed when awareness changes. */
export class PeerList {
  private current: Peer[] = [];
  private readonly listeners = new Set<(peers: readonly Peer[]) => void>();
  private readonly reported = new Set<number>();
  private readonly cache: ReadCache = new Map();

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.refresh);
    this.refresh();
  }

  get peers(): readonly Peer[] {
    return this.current;
  }

  subscribe(listener: (peers: readonly Peer[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.awareness.off('change', this.refresh);
    this.listeners.clear();
  }

  private readonly refresh = (): void => {
    const report = (clientId: number, error: string) => {
      if (this.reported.has(clientId)) return;
      this.reported.add(clientId);
      console.warn(`[easel] ignored the presence of client ${clientId}: ${error}`);
    };
    this.current = readPeers(this.awareness.getStates(), this.awareness.clientID, report, this.cache);
    for (const listener of this.listeners) listener(this.current);
  };
}
