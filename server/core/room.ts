import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { EVENTS, MAX_AWARENESS_IDS_PER_CONNECTION, RelayError } from '../../shared/protocol';
import type { OpenedBoard } from '../storage/types';
import { AwarenessBatch } from './awareness-batch';
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  filterOwnedEntries,
  parseAwarenessUpdate,
} from './awareness-filter';
import { BroadcastBatch } from './broadcast-batch';
import type { ConnectionId, Logger, Outbox, Peers } from './types';
import { type CheckedUpdate, type UpdateLimits, validateUpdate } from './update-validation';

export interface RoomOptions {
  /** Compact once the log holds this many bytes since the last snapshot. */
  compactLogBytes: number;
  updateLimits: UpdateLimits;
  /** What the board may take in storage; updates past it are refused with TOO_LARGE. */
  maxBoardBytes: number;
  /**
   * Yjs structs the board's doc may hold; additions past it are refused with
   * TOO_LARGE. Every edit adds one and Yjs keeps them (a map overwrite leaves
   * its tombstone), and each costs the relay ~200-600 bytes of heap, so this
   * bounds a board's memory where bytes on disk cannot (tiny structs encode
   * in a few bytes each).
   */
  maxBoardStructs: number;
  /** Called after each change is durably stored (the catalog records names and times from it). */
  onStored?: (room: Room) => void;
  /** Other relays with replicas of this board, when there are any. */
  peers?: Peers;
  /** How long presence is held to go out as one message per member (awareness-batch.ts). */
  presenceTickMs?: number;
}

/** The origin of changes other relays stored (see applyPeerUpdate). */
export const PEER_ORIGIN = 'peer';

/** A board at its budget compacts early, but only once its log holds this much (a compaction costs a full encode). */
const BUDGET_COMPACTION_MIN_LOG_BYTES = 1024 * 1024;

/** The origin of changes the relay makes itself (a rename from the host's home screen). */
export const RELAY_ORIGIN = 'relay';

export interface JoinState {
  update: Uint8Array;
  stateVector: Uint8Array;
  epoch: string;
}

/**
 * One board in memory: its doc, the awareness of everyone on it, and which
 * awareness client ids each member connection owns. Updates are applied, then
 * broadcast, then made durable; the sender's ack waits for durability.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly epoch: string;
  private readonly awareness: Awareness;
  private readonly members = new Map<ConnectionId, Set<number>>();
  private readonly outgoing: BroadcastBatch;
  private readonly presence: AwarenessBatch;
  private compacting: Promise<void> | null = null;
  private failed = false;
  /** Connections with updates waiting to be stored, and how many each. */
  private readonly storing = new Map<ConnectionId, number>();
  /** Awareness client ids published by other relays, by relay: dropped when that relay goes. */
  private readonly peerPresence = new Map<string, Set<number>>();

  constructor(
    readonly boardId: string,
    private readonly board: OpenedBoard,
    private readonly outbox: Outbox,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    /**
     * Called once when the room can no longer be trusted (storage or doc
     * failure), with the connections whose updates are waiting for the failed
     * write: they are answered (UNAVAILABLE) and need no disconnect to resync.
     */
    private readonly onFailure: (room: Room, answered: ReadonlySet<ConnectionId>) => void,
  ) {
    this.doc = board.doc;
    this.epoch = board.epoch;
    const isMember = (connectionId: ConnectionId) => this.members.has(connectionId);
    this.outgoing = new BroadcastBatch(boardId, outbox, isMember);
    this.presence = new AwarenessBatch(boardId, outbox, isMember, options.presenceTickMs);
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    // y-protocols drops states not renewed for 30 s; tell the room when it does.
    this.awareness.on('update', ({ removed }: { removed: number[] }, origin: unknown) => {
      if (origin === 'timeout' && removed.length > 0) this.broadcastAwarenessOf(removed);
    });
  }

  get memberCount(): number {
    return this.members.size;
  }

  hasMember(connectionId: ConnectionId): boolean {
    return this.members.has(connectionId);
  }

  /** Sync step 1→2: the diff the client lacks, our state vector, and everyone's presence. */
  join(connectionId: ConnectionId, clientStateVector: Uint8Array): JoinState {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.doc, clientStateVector);
    } catch {
      throw new RelayError('BAD_REQUEST', 'stateVector is not a Yjs state vector');
    }
    if (!this.members.has(connectionId)) {
      this.members.set(connectionId, new Set());
      this.outbox.subscribe(connectionId, this.boardId);
    }
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) {
      this.outbox.toConnection(connectionId, {
        event: EVENTS.awareness,
        boardId: this.boardId,
        update: encodeAwarenessUpdate(this.awareness, present),
      });
    }
    return { update, stateVector: Y.encodeStateVector(this.doc), epoch: this.epoch };
  }

  /**
   * Resolves once the update is applied, sent to the others and durably
   * stored. Refused (nothing applied, nothing stored) when it is not one a
   * board can use (update-validation.ts) or the board is at its budget.
   */
  async applyUpdate(
    connectionId: ConnectionId,
    update: Uint8Array,
    /** The sender's own budget for the checked update; throws RelayError to refuse it. */
    admit: (checked: CheckedUpdate) => void = () => undefined,
  ): Promise<void> {
    if (this.failed) throw new RelayError('UNAVAILABLE', `board ${this.boardId} is reloading; retry`);
    const checked = validateUpdate(update, (client) => Y.getState(this.doc.store, client), this.options.updateLimits);
    this.assertWithinBudget(update.byteLength, checked.deletesOnly);
    this.assertWithinStructBudget(checked.structs);
    admit(checked);
    try {
      Y.applyUpdate(this.doc, update, connectionId);
    } catch (error) {
      // Checked but failed to integrate: the doc may be half-changed, so it is
      // rebuilt from storage, which never saw this update.
      this.fail('update failed to integrate', error);
      throw new RelayError('INVALID_UPDATE', 'update could not be applied');
    }
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // validateUpdate should have seen this coming; pending changes would be
      // retried on every later update, so the doc is rebuilt without them.
      this.fail('update left changes pending', 'missing dependencies');
      throw new RelayError('INVALID_UPDATE', 'update refused: it builds on changes the relay does not have');
    }
    this.outgoing.queueUpdate(connectionId, update);
    this.storing.set(connectionId, (this.storing.get(connectionId) ?? 0) + 1);
    try {
      await this.store(update);
    } finally {
      const left = (this.storing.get(connectionId) ?? 1) - 1;
      if (left === 0) this.storing.delete(connectionId);
      else this.storing.set(connectionId, left);
    }
  }

  /**
   * A change the relay makes itself: run in one transaction, sent to every
   * member and stored like a client's update. Resolves once durable; resolves
   * at once when `change` left the doc as it was.
   */
  async applyRelayChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) throw new RelayError('UNAVAILABLE', `board ${this.boardId} is reloading; retry`);
    let update: Uint8Array | undefined;
    const capture = (bytes: Uint8Array, origin: unknown) => {
      if (origin === RELAY_ORIGIN) update = bytes;
    };
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), RELAY_ORIGIN);
    } finally {
      this.doc.off('update', capture);
    }
    if (!update) return;
    // No member is called RELAY_ORIGIN, so the batch goes to all of them.
    this.outgoing.queueUpdate(RELAY_ORIGIN, update);
    await this.store(update);
  }

  /**
   * Additions must keep the board within its budget. Deletions may go a
   * compaction's worth past it, so a full board can still be made smaller
   * (the compaction they lead to drops what they delete).
   */
  private assertWithinBudget(bytes: number, deletesOnly: boolean): void {
    const stored = this.board.storage.storedBytes;
    const limit = this.options.maxBoardBytes + (deletesOnly ? this.options.compactLogBytes : 0);
    if (stored + bytes <= limit) return;
    // Much of a long log may be history a snapshot would drop; compact so a retry may fit.
    if (this.board.storage.logBytes >= BUDGET_COMPACTION_MIN_LOG_BYTES) this.maybeCompact(true);
    throw new RelayError(
      'TOO_LARGE',
      `board ${this.boardId} is full: it takes ${stored} bytes of its ${this.options.maxBoardBytes} ` +
        '(--max-board-bytes); nothing more can be added, but shapes can still be deleted',
    );
  }

  private assertWithinStructBudget(adding: number): void {
    if (adding === 0) return;
    const held = structsIn(this.doc);
    if (held + adding <= this.options.maxBoardStructs) return;
    throw new RelayError(
      'TOO_LARGE',
      `board ${this.boardId} is full: it holds ${held} changes of its ${this.options.maxBoardStructs} ` +
        '(--max-board-structs); nothing more can be added, but shapes can still be deleted; ' +
        'a copy saved and opened as a new board starts without the history',
    );
  }

  /** Makes an applied update durable, then compacts if the log grew past its threshold. */
  private async store(update: Uint8Array): Promise<void> {
    try {
      await this.board.storage.append(update);
    } catch (error) {
      // Applied in memory but not durable: keeping this doc would let clients
      // believe the relay has it. Drop the room; clients rejoin and resend.
      this.fail('storage append failed', error, new Set(this.storing.keys()));
      throw error instanceof RelayError ? error : new RelayError('UNAVAILABLE', 'board storage failed');
    }
    // Only once committed: a relay that loads the board after this message sees the row in the store.
    this.options.peers?.update(this.boardId, update);
    this.options.onStored?.(this);
    this.maybeCompact();
  }

  applyAwareness(connectionId: ConnectionId, update: Uint8Array): void {
    const owned = this.members.get(connectionId);
    if (!owned || this.failed) return;
    const entries = parseAwarenessUpdate(update);
    if (!entries) return;
    const accepted = filterOwnedEntries(
      entries,
      owned,
      (clientId) => this.isOwnedByOther(connectionId, clientId),
      MAX_AWARENESS_IDS_PER_CONNECTION,
    );
    if (accepted.length === 0) return;
    const filtered = encodeAwarenessEntries(accepted);
    try {
      applyAwarenessUpdate(this.awareness, filtered, connectionId);
    } catch (error) {
      this.log.warn({ boardId: this.boardId, connectionId, err: String(error) }, 'awareness update ignored');
      return;
    }
    this.presence.queue(connectionId, accepted);
    this.options.peers?.awareness(this.boardId, filtered);
  }

  /**
   * Another relay stored this update: merge it into this replica. Its members
   * here already have it from the transport (the adapter's room broadcast).
   */
  applyPeerUpdate(update: Uint8Array): void {
    if (this.failed) return;
    try {
      Y.applyUpdate(this.doc, update, PEER_ORIGIN);
    } catch (error) {
      this.fail('a peer update failed to integrate', error);
    }
  }

  /** Presence published by relay `node`, for joins here; its members here already got it. */
  applyPeerAwareness(node: string, update: Uint8Array): void {
    if (this.failed) return;
    const entries = parseAwarenessUpdate(update);
    if (!entries) return;
    let owned = this.peerPresence.get(node);
    if (!owned) this.peerPresence.set(node, (owned = new Set()));
    for (const entry of entries) {
      if (entry.stateJson === 'null') owned.delete(entry.clientId);
      else owned.add(entry.clientId);
    }
    try {
      applyAwarenessUpdate(this.awareness, update, PEER_ORIGIN);
    } catch (error) {
      this.log.warn({ boardId: this.boardId, node, err: String(error) }, 'peer awareness update ignored');
    }
  }

  /** Sends the presence of this relay's members again, to everyone (a relay that just loaded the board lacks it). */
  republishPresence(): void {
    if (this.failed) return;
    const ids = [...this.members.values()].flatMap((owned) => [...owned]).filter((id) => this.awareness.meta.has(id));
    if (ids.length > 0) this.broadcastAwarenessOf(ids);
  }

  /** Relay `node` is gone: its members' presence goes, for everyone. */
  dropPeer(node: string): void {
    const owned = this.peerPresence.get(node);
    this.peerPresence.delete(node);
    const ids = [...(owned ?? [])].filter((id) => this.awareness.meta.has(id));
    if (ids.length === 0) return;
    removeAwarenessStates(this.awareness, ids, 'relay');
    this.broadcastAwarenessOf(ids, false);
  }

  /**
   * Merges the board as stored now (every relay's commits) into this replica
   * and sends members what they lacked: after another relay died between its
   * commit and its message, or messages were lost while Redis was away.
   */
  async catchUpFromStore(): Promise<void> {
    const readStored = this.board.storage.readStored?.bind(this.board.storage);
    if (!readStored || this.failed) return;
    const stored = await readStored();
    if (this.failed) return;
    const before = Y.encodeStateVector(this.doc);
    let changed = false;
    const notice = () => (changed = true);
    this.doc.on('update', notice);
    try {
      this.applyPeerUpdate(stored);
    } finally {
      this.doc.off('update', notice);
    }
    if (changed) this.outgoing.queueUpdate(PEER_ORIGIN, Y.encodeStateAsUpdate(this.doc, before));
  }

  /** Removes the member now, and its presence for everyone else with the next presence tick. */
  leave(connectionId: ConnectionId): void {
    const owned = this.members.get(connectionId);
    if (!owned) return;
    this.members.delete(connectionId);
    this.outbox.unsubscribe(connectionId, this.boardId);
    const ids = [...owned].filter((id) => this.awareness.meta.has(id));
    if (ids.length > 0) {
      removeAwarenessStates(this.awareness, ids, 'relay');
      this.broadcastAwarenessOf(ids);
    }
  }

  /** Connections currently joined, e.g. to drop them when the room fails. */
  memberIds(): ConnectionId[] {
    return [...this.members.keys()];
  }

  /** Waits for pending writes, compacts a long log, and releases everything. */
  async close(): Promise<void> {
    this.outgoing.cancel();
    this.presence.cancel();
    this.awareness.destroy();
    try {
      await this.compacting;
      if (!this.failed && this.board.storage.logBytes > 0) {
        await this.board.storage.compact(() => Y.encodeStateAsUpdate(this.doc));
      }
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: String(error) }, 'final compaction failed');
    } finally {
      await this.board.storage.close().catch(() => undefined);
      this.doc.destroy();
    }
  }

  private isOwnedByOther(connectionId: ConnectionId, clientId: number): boolean {
    for (const [otherId, owned] of this.members) {
      if (otherId !== connectionId && owned.has(clientId)) return true;
    }
    for (const owned of this.peerPresence.values()) if (owned.has(clientId)) return true;
    return false;
  }

  /** The relay's own word on these clients' presence (e.g. removed), to everyone, and to the other relays' replicas. */
  private broadcastAwarenessOf(clientIds: number[], toPeers = true): void {
    this.presence.queue(null, this.awarenessEntriesOf(clientIds));
    if (toPeers) this.options.peers?.awareness(this.boardId, encodeAwarenessUpdate(this.awareness, clientIds));
  }

  /** What encodeAwarenessUpdate would write for these ids (a missing state is a removal). */
  private awarenessEntriesOf(clientIds: readonly number[]): AwarenessEntry[] {
    const states = this.awareness.getStates();
    return clientIds.flatMap((clientId) => {
      const meta = this.awareness.meta.get(clientId);
      if (!meta) return [];
      return [{ clientId, clock: meta.clock, stateJson: JSON.stringify(states.get(clientId) ?? null) }];
    });
  }

  private maybeCompact(evenIfShort = false): void {
    if (this.compacting || this.failed) return;
    if (!evenIfShort && this.board.storage.logBytes < this.options.compactLogBytes) return;
    this.compacting = this.board.storage
      .compact(() => Y.encodeStateAsUpdate(this.doc))
      .catch((error: unknown) => this.log.error({ boardId: this.boardId, err: String(error) }, 'compaction failed'))
      .finally(() => {
        this.compacting = null;
      });
  }

  private fail(reason: string, error: unknown, answered: ReadonlySet<ConnectionId> = new Set()): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ boardId: this.boardId, reason, err: String(error) }, 'board failed; reloading from storage');
    this.onFailure(this, answered);
  }
}

/** Structs in the doc: O(clients that ever wrote), not O(structs). */
function structsIn(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}
