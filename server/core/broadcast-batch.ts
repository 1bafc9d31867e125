import * as Y from 'yjs';
import { EVENTS } from '../../shared/protocol';
import { type AwarenessEntry, encodeAwarenessEntries, parseAwarenessUpdate } from './awareness-filter';
import type { ConnectionId, Outbox } from './types';

/**
 * Outgoing traffic of one room, sent once per event-loop turn instead of once
 * per message. Every update that arrived in the same turn goes out as one
 * merged Yjs update; each member still receives only what others sent:
 *
 *   - members who sent nothing this turn get one merge of everything;
 *   - each sender gets a merge of everything but its own.
 *
 * A Socket.IO binary event costs two WebSocket frames and about two write
 * syscalls per recipient, which is what limits a busy room. Batching by turn
 * adapts to load the way group commit does: an idle room sends each message as
 * it comes (one per turn), a busy room's turns grow and carry more per frame.
 * Presence rides in the same turn, after the document updates, so a selection
 * never arrives before the shape it selects.
 */
interface Queued<T> {
  /** null: the relay itself (e.g. presence removed on leave); goes to everyone. */
  sender: ConnectionId | null;
  payload: T;
}

export class BroadcastBatch {
  private updates: Queued<Uint8Array>[] = [];
  private awareness: Queued<AwarenessEntry[]>[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly boardId: string,
    private readonly outbox: Outbox,
    /** A sender that left the board before the flush gets nothing more of it. */
    private readonly isMember: (connectionId: ConnectionId) => boolean,
  ) {}

  queueUpdate(sender: ConnectionId, update: Uint8Array): void {
    this.updates.push({ sender, payload: update });
    this.schedule();
  }

  /** `entries` are already filtered to what `sender` may set. */
  queueAwareness(sender: ConnectionId | null, entries: AwarenessEntry[]): void {
    if (entries.length === 0) return;
    this.awareness.push({ sender, payload: entries });
    this.schedule();
  }

  /** Presence encoded by y-protocols (e.g. removals); parsed so it can be merged. */
  queueAwarenessUpdate(sender: ConnectionId | null, update: Uint8Array): void {
    const entries = parseAwarenessUpdate(update);
    if (entries) this.queueAwareness(sender, entries);
  }

  /** Sends what is queued now (also used before the room closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const updates = this.updates;
    const awareness = this.awareness;
    this.updates = [];
    this.awareness = [];
    this.send(
      EVENTS.update,
      updates,
      (payloads) => (payloads.length === 1 ? payloads[0] : undefined) ?? Y.mergeUpdates(payloads),
    );
    this.send(EVENTS.awareness, awareness, (payloads) => encodeAwarenessEntries(latestPerClient(payloads.flat())));
  }

  cancel(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.updates = [];
    this.awareness = [];
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.flush());
  }

  private send<T>(
    event: typeof EVENTS.update | typeof EVENTS.awareness,
    queued: Queued<T>[],
    merge: (payloads: T[]) => Uint8Array,
  ): void {
    if (queued.length === 0) return;
    const message = (update: Uint8Array) => ({ event, boardId: this.boardId, update });
    const senders = [...new Set(queued.map((q) => q.sender).filter((s): s is ConnectionId => s !== null))];
    this.outbox.toBoard(this.boardId, message(merge(queued.map((q) => q.payload))), senders);
    for (const sender of senders) {
      if (!this.isMember(sender)) continue;
      const fromOthers = queued.filter((q) => q.sender !== sender).map((q) => q.payload);
      if (fromOthers.length > 0) this.outbox.toConnection(sender, message(merge(fromOthers)));
    }
  }
}

/** One entry per awareness client: the one with the highest clock wins, as y-protocols would decide. */
function latestPerClient(entries: AwarenessEntry[]): AwarenessEntry[] {
  const latest = new Map<number, AwarenessEntry>();
  for (const entry of entries) {
    const seen = latest.get(entry.clientId);
    if (!seen || entry.clock >= seen.clock) latest.set(entry.clientId, entry);
  }
  return [...latest.values()];
}
