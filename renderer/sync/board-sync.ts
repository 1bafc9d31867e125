/**
 * One board kept in sync with the relay over a shared connection (protocol v1,
 * docs/ARCHITECTURE.md#wire-protocol):
 *
 * - Join is Yjs sync step 1/2 over an ack: we send our state vector, the relay
 *   answers with what we lack plus its own state vector, we apply that and send
 *   back, in one update, exactly what the relay lacks.
 * - Local changes go out one update per transaction, each acknowledged only
 *   once the relay has stored it durably. Each change gets a sequence number;
 *   `pendingCount` counts the ones not yet acknowledged.
 * - While offline nothing is sent (socket.io would buffer it and send it twice).
 *   The rejoin diff covers every unacknowledged change at once, so none is lost
 *   and none is sent in full twice.
 * - A relay whose epoch for this board differs from the one we knew holds a
 *   different board under the same id: we neither apply its state nor push ours.
 * - The join ack says whether we are an editor or a viewer, and `board:role`
 *   changes it live (a lock). A viewer sends presence but no changes: the
 *   relay would refuse them. Nothing of a viewer's counts as unsaved; becoming
 *   an editor again rejoins, and the join diff carries whatever was local.
 */
import {
  applyAwarenessUpdate,
  type Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { JoinAckParsed, Role, WireError } from '../../shared/protocol';
import { AWARENESS_THROTTLE_MS, RESYNC_AFTER_ERROR_MS } from './constants';
import { Emitter } from './emitter';
import { throttle } from './throttle';

export type BoardStatus = 'connecting' | 'syncing' | 'synced' | 'offline';

export interface EpochMismatch {
  known: string;
  relay: string;
}

export interface BoardSyncEvents extends Record<string, unknown> {
  status: BoardStatus;
  pending: number;
  error: WireError;
  /** The relay's epoch for this board, once accepted; keep it to detect a replaced board later. */
  epoch: string;
  'epoch-mismatch': EpochMismatch;
  /** What the relay lets us do on the board: from each join, and live when it changes. */
  role: Role;
  /** The relay refused to open the board for us (FORBIDDEN: another board's link, a deleted board), or null again. */
  refusal: WireError | null;
  /** The relay refused to store a change of ours (TOO_LARGE, INVALID_UPDATE, …), or null once one is stored again. */
  rejection: WireError | null;
}

export interface BoardSyncOptions {
  /** Presence for this board; forwarded throttled, remote states applied. */
  awareness?: Awareness;
  /** The epoch this board had the last time we synced it, if ever. */
  knownEpoch?: string;
}

/** What a board needs from the connection; SyncClient provides it. */
export interface BoardChannel {
  isConnected(): boolean;
  /** Rejects when the connection drops or the relay does not answer in time. */
  join(boardId: string, stateVector: Uint8Array): Promise<JoinAckParsed>;
  update(boardId: string, update: Uint8Array): Promise<{ ok: true } | { ok: false; error: WireError }>;
  leave(boardId: string): void;
  awareness(boardId: string, update: Uint8Array): void;
}

const EMPTY_UPDATE_LENGTH = 2; // an update with no structs and no deletions is [0, 0]
const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED']);

export class BoardSync {
  readonly events = new Emitter<BoardSyncEvents>();
  private currentStatus: BoardStatus;
  private knownEpoch: string | undefined;
  private mismatch: EpochMismatch | null = null;
  private readonly unacked = new Set<number>();
  private nextSeq = 0;
  private joinGeneration = 0;
  private joined = false;
  private closed = false;
  private currentRole: Role | null = null;
  private currentRefusal: WireError | null = null;
  private currentRejection: WireError | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sendAwareness = throttle(() => this.sendOwnAwareness(), AWARENESS_THROTTLE_MS);

  constructor(
    readonly boardId: string,
    readonly doc: Y.Doc,
    private readonly channel: BoardChannel,
    private readonly options: BoardSyncOptions,
    private readonly onClose: (board: BoardSync) => void,
  ) {
    this.knownEpoch = options.knownEpoch;
    this.currentStatus = channel.isConnected() ? 'syncing' : 'connecting';
    doc.on('update', this.onDocUpdate);
    options.awareness?.on('update', this.onAwarenessUpdate);
    if (channel.isConnected()) void this.join();
  }

  get status(): BoardStatus {
    return this.currentStatus;
  }

  /** Local changes the relay has not yet confirmed as stored. */
  get pendingCount(): number {
    return this.unacked.size;
  }

  get epoch(): string | undefined {
    return this.knownEpoch;
  }

  get epochMismatch(): EpochMismatch | null {
    return this.mismatch;
  }

  /** Why the relay would not open the board for us, while it does not (retrying would not help). */
  get refusal(): WireError | null {
    return this.currentRefusal;
  }

  /**
   * Why the relay refused our last change, until it stores one again. The
   * change stays in the doc and unacknowledged (so it is never counted as
   * saved); what it takes to store it (room on a full board, a rejoin) is the
   * person's to decide, so the save indicator says why.
   */
  get rejection(): WireError | null {
    return this.currentRejection;
  }

  /** Editor or viewer, once the relay said; null before the first join. */
  get role(): Role | null {
    return this.currentRole;
  }

  /** @internal The relay moved us to another role on this board (`board:role`). */
  handleRole(role: Role): void {
    if (this.closed || role === this.currentRole) return;
    this.setRole(role);
    // Editing again: rejoin, so what is local (and was held back) goes to the relay.
    if (role === 'editor' && this.channel.isConnected() && !this.mismatch) void this.join();
  }

  /** Stops syncing this board; local edits stay in the doc. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sendAwareness.cancel();
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.doc.off('update', this.onDocUpdate);
    this.options.awareness?.off('update', this.onAwarenessUpdate);
    if (this.channel.isConnected() && this.joined) this.channel.leave(this.boardId);
    this.joined = false;
    this.onClose(this);
    this.events.clear();
  }

  /** @internal The connection is up (again): rejoin and resync. */
  handleConnected(): void {
    if (!this.closed && !this.mismatch) void this.join();
  }

  /** @internal The connection dropped. */
  handleDisconnected(): void {
    this.joined = false;
    this.joinGeneration++;
    if (this.closed) return;
    this.setStatus('offline');
    const awareness = this.options.awareness;
    if (awareness) {
      // Everyone else's presence is stale now; the rejoin brings the live ones back.
      const others = [...awareness.getStates().keys()].filter((id) => id !== awareness.clientID);
      if (others.length > 0) removeAwarenessStates(awareness, others, this);
      // Forget their clocks too: the rejoin brings their states back with the clocks we last saw
      // (nothing changed meanwhile), and awareness ignores a state that is not newer than its clock.
      for (const id of others) awareness.meta.delete(id);
    }
  }

  /** @internal */
  handleRemoteUpdate(update: Uint8Array): void {
    if (this.closed || this.mismatch) return;
    try {
      Y.applyUpdate(this.doc, update, this);
    } catch (error) {
      this.events.emit('error', {
        code: 'INVALID_UPDATE',
        message: `relay sent an update that failed: ${String(error)}`,
      });
    }
  }

  /** @internal */
  handleRemoteAwareness(update: Uint8Array): void {
    if (this.closed || this.mismatch || !this.options.awareness) return;
    try {
      applyAwarenessUpdate(this.options.awareness, update, this);
    } catch {
      // Presence is best effort; a malformed one is dropped.
    }
  }

  private async join(): Promise<void> {
    const generation = ++this.joinGeneration;
    this.joined = false;
    this.setStatus('syncing');
    let ack: JoinAckParsed;
    try {
      ack = await this.channel.join(this.boardId, Y.encodeStateVector(this.doc));
    } catch {
      // Dropped (handleDisconnected follows) or no answer in time: try again shortly.
      if (generation === this.joinGeneration && !this.closed) this.scheduleResync();
      return;
    }
    if (generation !== this.joinGeneration || this.closed) return;
    if (!ack.ok) {
      this.events.emit('error', ack.error);
      if (RETRYABLE.has(ack.error.code)) this.scheduleResync();
      else this.setRefusal(ack.error);
      this.setStatus('offline');
      return;
    }
    this.setRefusal(null);
    if (this.knownEpoch !== undefined && ack.epoch !== this.knownEpoch) {
      this.mismatch = { known: this.knownEpoch, relay: ack.epoch };
      this.channel.leave(this.boardId);
      this.setStatus('offline');
      this.events.emit('epoch-mismatch', this.mismatch);
      return;
    }
    if (this.knownEpoch === undefined) {
      this.knownEpoch = ack.epoch;
      this.events.emit('epoch', ack.epoch);
    }
    this.setRole(ack.role);
    this.handleRemoteUpdate(ack.update);
    if (ack.role === 'viewer') {
      // Nothing to send: the relay would refuse it. What is local stays local until we may edit.
      this.joined = true;
      this.setStatus('synced');
      this.republishAwareness();
      return;
    }
    const covered = [...this.unacked];
    const diff = Y.encodeStateAsUpdate(this.doc, ack.stateVector);
    if (diff.byteLength > EMPTY_UPDATE_LENGTH && covered.length === 0) {
      // What the relay lacks came from elsewhere (this device's stored copy, loaded before the
      // join): it is unacknowledged all the same, so it counts until the relay stores it.
      const seq = ++this.nextSeq;
      this.unacked.add(seq);
      covered.push(seq);
      this.events.emit('pending', this.unacked.size);
    }
    this.joined = true;
    this.setStatus('synced');
    this.republishAwareness();
    if (diff.byteLength > EMPTY_UPDATE_LENGTH) this.send(diff, covered);
    else this.acknowledge(covered);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.closed) return;
    // A viewer's doc changes only from outside (a stored copy loading): the next join as an editor sends it.
    if (this.currentRole === 'viewer') return;
    const seq = ++this.nextSeq;
    this.unacked.add(seq);
    this.events.emit('pending', this.unacked.size);
    if (this.joined && this.channel.isConnected()) this.send(update, [seq]);
  };

  private send(update: Uint8Array, seqs: number[]): void {
    this.channel.update(this.boardId, update).then(
      (ack) => {
        if (ack.ok) return this.acknowledge(seqs);
        if (ack.error.code === 'FORBIDDEN' && this.currentRole === 'viewer') {
          // Sent before the board was locked; not stored. Becoming an editor again rejoins and resends it.
          return this.acknowledge(seqs);
        }
        this.events.emit('error', ack.error);
        if (RETRYABLE.has(ack.error.code)) this.scheduleResync();
        else this.setRejection(ack.error);
      },
      () => {
        // Disconnected or timed out: the next join's diff covers these changes.
        if (this.channel.isConnected()) this.scheduleResync();
      },
    );
  }

  private acknowledge(seqs: number[]): void {
    let changed = false;
    for (const seq of seqs) changed = this.unacked.delete(seq) || changed;
    if (changed && !this.closed) this.events.emit('pending', this.unacked.size);
    // Only once nothing refused is left waiting: a later change being stored says nothing about it.
    if (this.unacked.size === 0) this.setRejection(null);
  }

  private scheduleResync(): void {
    if (this.resyncTimer || this.closed) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (this.channel.isConnected() && !this.closed && !this.mismatch) void this.join();
    }, RESYNC_AFTER_ERROR_MS);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const own = this.options.awareness?.clientID;
    if (origin === this || own === undefined) return;
    if (added.includes(own) || updated.includes(own) || removed.includes(own)) this.sendAwareness.call();
  };

  /**
   * Sends my presence after a (re)join with a new clock: the relay and the
   * people who stayed dropped my state when my connection did, and they keep
   * its clock, so the same state with the same clock would be ignored.
   */
  private republishAwareness(): void {
    const awareness = this.options.awareness;
    const local = awareness?.getLocalState();
    if (!awareness || !local) return this.sendAwareness.flush();
    // The same state under a new clock; the update event it fires sends it.
    awareness.setLocalState(local);
  }

  private sendOwnAwareness(): void {
    const awareness = this.options.awareness;
    if (!awareness || !this.joined || !this.channel.isConnected()) return;
    this.channel.awareness(this.boardId, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  }

  private setRejection(rejection: WireError | null): void {
    if (rejection?.message === this.currentRejection?.message || this.closed) return;
    this.currentRejection = rejection;
    this.events.emit('rejection', rejection);
  }

  private setRefusal(refusal: WireError | null): void {
    if (refusal?.message === this.currentRefusal?.message || this.closed) return;
    this.currentRefusal = refusal;
    this.events.emit('refusal', refusal);
  }

  private setRole(role: Role): void {
    if (role === this.currentRole || this.closed) return;
    this.currentRole = role;
    if (role === 'viewer' && this.unacked.size > 0) {
      // Not saved, and not ours to save now: nothing of a viewer's is counted as unsaved.
      this.unacked.clear();
      this.events.emit('pending', 0);
      this.setRejection(null);
    }
    this.events.emit('role', role);
  }

  private setStatus(status: BoardStatus): void {
    if (status === this.currentStatus || this.closed) return;
    this.currentStatus = status;
    this.events.emit('status', status);
  }
}
