import * as Y from 'yjs';
import { EVENTS } from '../../shared/protocol';
import type { ConnectionId, OutgoingMessage, Outbox } from './types';

/**
 * A room's outgoing broadcasts, held until the end of the event-loop turn and
 * sent together in one task:
 *
 *   - members who sent no update this turn get every update of the turn as one
 *     merged Yjs update (one message to parse and apply, not one per update);
 *   - members who did send get the others' updates one by one, so nobody is
 *     sent its own update back (protocol v1: "everyone but the sender").
 *
 * Presence goes on its own tick (awareness-batch.ts).
 *
 * The turn also buys the write: the transport coalesces everything one task
 * sends to a socket into one syscall (write-coalescing.ts). An idle room sends
 * at the end of the same turn; nothing waits for a timer.
 *
 * The work per turn stays linear: one `Y.mergeUpdates` over the turn (about
 * 10-20 µs per update) and one encoding per update. Merging "everything but
 * your own" for each sender would grow with senders × updates, and a busy room
 * would fall further behind the busier it got.
 */
interface Queued {
  sender: ConnectionId;
  update: Uint8Array;
}

export class BroadcastBatch {
  private updates: Queued[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly boardId: string,
    private readonly outbox: Outbox,
    /** A sender that left the board before the flush is sent nothing more of it. */
    private readonly isMember: (connectionId: ConnectionId) => boolean,
  ) {}

  queueUpdate(sender: ConnectionId, update: Uint8Array): void {
    this.updates.push({ sender, update });
    this.schedule();
  }

  /** Sends what is queued now. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const { updates } = this;
    this.updates = [];
    this.sendUpdates(updates);
  }

  /** Drops what is queued (the room is closing and has no members). */
  cancel(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.updates = [];
  }

  private sendUpdates(updates: Queued[]): void {
    const [first] = updates;
    if (!first) return;
    if (updates.length === 1) {
      this.outbox.toBoard(this.boardId, this.message(EVENTS.update, first.update), [first.sender]);
      return;
    }
    const senders = [...new Set(updates.map((queued) => queued.sender))];
    const merged = Y.mergeUpdates(updates.map((queued) => queued.update));
    this.outbox.toBoard(this.boardId, this.message(EVENTS.update, merged), senders);
    const presentSenders = senders.filter(this.isMember);
    for (const { sender, update } of updates) {
      const others = presentSenders.filter((id) => id !== sender);
      if (others.length > 0) this.outbox.toConnections(others, this.message(EVENTS.update, update));
    }
  }

  private message(event: typeof EVENTS.update, update: Uint8Array): OutgoingMessage {
    return { event, boardId: this.boardId, update };
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.flush());
  }
}
