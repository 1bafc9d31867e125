/**
 * Whom I follow, and keeping my viewport on theirs. Following ends on any
 * input of mine, on Escape, or when they leave the board. While they follow
 * me back, neither view moves the other.
 */
import type { UiStore } from '../state/ui-store';
import { type FollowStop, followedViewport, type Size } from './follow';
import type { LocalPresence } from './local-presence';
import type { Peer, PeerList } from './peers';

export class FollowController {
  private current: number | null = null;
  private readonly listeners = new Set<(target: number | null, stopped?: FollowStop) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly peers: PeerList,
    private readonly ui: UiStore,
    private readonly local: LocalPresence,
    private readonly stageSize: () => Size,
  ) {
    this.unsubscribe = peers.subscribe((list) => this.track(list));
  }

  get target(): number | null {
    return this.current;
  }

  follow(clientId: number): void {
    if (clientId === this.current) return;
    this.current = clientId;
    this.local.setFollowing(clientId);
    this.emit();
    this.track(this.peers.peers);
  }

  stop(reason: FollowStop): void {
    if (this.current === null) return;
    this.current = null;
    this.local.setFollowing(null);
    this.emit(reason);
  }

  /** My canvas changed size: fit their view into it again. */
  stageResized(): void {
    this.track(this.peers.peers);
  }

  subscribe(listener: (target: number | null, stopped?: FollowStop) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private track(list: readonly Peer[]): void {
    if (this.current === null) return;
    const peer = list.find((p) => p.clientId === this.current);
    if (!peer) return this.stop('left');
    // Someone who follows me shows my view: copying theirs back would loop, and with screens of
    // different shapes each round trip zooms both out a little more, down to the minimum zoom.
    if (peer.following === this.local.clientId) return;
    const size = this.stageSize();
    if (!peer.viewport || size.width <= 0 || size.height <= 0) return;
    const next = followedViewport(peer.viewport, size);
    const now = this.ui.getState().viewport;
    if (next.x !== now.x || next.y !== now.y || next.zoom !== now.zoom) this.ui.getState().setViewport(next);
  }

  private emit(stopped?: FollowStop): void {
    for (const listener of this.listeners) listener(this.current, stopped);
  }
}
