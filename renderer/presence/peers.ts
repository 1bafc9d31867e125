/**
 * The other people on a board, read from awareness. A state is remote input:
 * one that fails the presence schema is left out (and reported once per
 * client), never drawn half-valid.
 */
import type { Awareness } from 'y-protocols/awareness';
import { type PresenceState, presenceStateSchema } from '../../shared/protocol';
import { initialsOf } from './identity';

export interface Peer extends PresenceState {
  clientId: number;
  initials: string;
}

export function readPeers(
  states: ReadonlyMap<number, unknown>,
  ownClientId: number,
  onInvalid?: (clientId: number, error: string) => void,
): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    // An empty state is a client that has joined but not said anything yet.
    if (state === null || (typeof state === 'object' && Object.keys(state).length === 0)) continue;
    const parsed = presenceStateSchema.safeParse(state);
    if (!parsed.success) {
      onInvalid?.(clientId, parsed.error.issues[0]?.message ?? 'invalid');
      continue;
    }
    peers.push({ ...parsed.data, clientId, initials: initialsOf(parsed.data.user.name) });
  }
  // A stable order for the participants list: by name, then by id.
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** Keeps a validated list of peers, refreshed when awareness changes. */
export class PeerList {
  private current: Peer[] = [];
  private readonly listeners = new Set<(peers: readonly Peer[]) => void>();
  private readonly reported = new Set<number>();

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
    this.current = readPeers(this.awareness.getStates(), this.awareness.clientID, (clientId, error) => {
      if (this.reported.has(clientId)) return;
      this.reported.add(clientId);
      console.warn(`[easel] ignored the presence of client ${clientId}: ${error}`);
    });
    for (const listener of this.listeners) listener(this.current);
  };
}
