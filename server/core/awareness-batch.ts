import * as encoding from 'lib0/encoding';
import { EVENTS } from '../../shared/protocol';
import type { AwarenessEntry } from './awareness-filter';
import type { ConnectionId, Outbox } from './types';

/** How often a room sends presence: about one display frame at 30 Hz, the rate clients publish at. */
export const PRESENCE_TICK_MS = 33;

/** Who set an entry: a member connection, or null for the relay itself (a removal on leave, a timeout). */
type Origin = ConnectionId | null;

interface Latest {
  origin: Origin;
  entry: AwarenessEntry;
  /** The entry as it goes on the wire (clientID, clock, state), encoded once per tick. */
  encoded?: Uint8Array;
}

/**
 * A room's presence, held for one tick and sent as one awareness update per
 * member (docs/ARCHITECTURE.md#awareness). Forwarding every update as its own
 * message made each browser in a 50-person room handle ~1,500 messages a
 * second; a tick caps that at one per member per PRESENCE_TICK_MS whatever the
 * room's size.
 *
 * Per client id only the newest entry of the tick is kept (y-protocols' rule:
 * a higher clock wins; at an equal clock a removal wins), so a removal queued
 * on leave is never lost behind an older state. Members that set nothing this
 * tick get one message with every entry (one broadcast, encoded once); a member
 * that did gets the same minus its own entries, which it already has: echoing
 * them is a no-op for y-protocols (equal clock) but costs bytes. Entries the
 * relay set (removals, timeouts) go to everyone, their owner included, since
 * y-protocols answers a removal of its live state by republishing it.
 * Congested sockets are skipped by the transport's outbox (backpressure.ts).
 */
export class AwarenessBatch {
  private latest = new Map<number, Latest>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly boardId: string,
    private readonly outbox: Outbox,
    /** A sender that left before the tick is sent nothing more of this board. */
    private readonly isMember: (connectionId: ConnectionId) => boolean,
    private readonly tickMs = PRESENCE_TICK_MS,
  ) {}

  queue(origin: Origin, entries: readonly AwarenessEntry[]): void {
    for (const entry of entries) {
      const held = this.latest.get(entry.clientId);
      if (!held || isNewer(entry, held.entry)) this.latest.set(entry.clientId, { origin, entry });
    }
    if (entries.length > 0) this.timer ??= setTimeout(() => this.flush(), this.tickMs);
  }

  /** Sends what the tick holds now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = [...this.latest.values()];
    this.latest = new Map();
    if (held.length === 0) return;
    for (const item of held) item.encoded = encodeEntry(item.entry);
    const senders = new Set<ConnectionId>();
    for (const { origin } of held) if (origin !== null) senders.add(origin);
    this.outbox.toBoard(this.boardId, this.message(held), [...senders]);
    for (const sender of senders) {
      if (!this.isMember(sender)) continue;
      const others = held.filter(({ origin }) => origin !== sender);
      if (others.length > 0) this.outbox.toConnection(sender, this.message(others));
    }
  }

  /** Drops what is held (the room is closing and has no members). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = new Map();
  }

  private message(items: readonly Latest[]) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, items.length);
    for (const item of items) encoding.writeUint8Array(encoder, item.encoded ?? encodeEntry(item.entry));
    return { event: EVENTS.awareness, boardId: this.boardId, update: encoding.toUint8Array(encoder) };
  }
}

function isNewer(candidate: AwarenessEntry, held: AwarenessEntry): boolean {
  if (candidate.clock !== held.clock) return candidate.clock > held.clock;
  return candidate.stateJson === 'null';
}

function encodeEntry(entry: AwarenessEntry): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entry.clientId);
  encoding.writeVarUint(encoder, entry.clock);
  encoding.writeVarString(encoder, entry.stateJson);
  return encoding.toUint8Array(encoder);
}
