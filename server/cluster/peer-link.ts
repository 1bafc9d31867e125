import { z } from 'zod';
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import type { RelayCore } from '../core/relay-core';
import type { Logger, Peers } from '../core/types';
import type { RelayServer } from '../transport/socket-io-outbox';

/** How often a relay says it is alive, and how long the others wait before they count it gone. */
export const HEARTBEAT_INTERVAL_MS = 1_000;
export const PEER_TIMEOUT_MS = 4_000;

const PEER_EVENTS = {
  update: 'easel:peer-update',
  awareness: 'easel:peer-awareness',
  heartbeat: 'easel:peer-heartbeat',
  bye: 'easel:peer-bye',
  presenceWanted: 'easel:peer-presence-wanted',
} as const;

const nodeSchema = z.string().min(1).max(200);
const boardMessageSchema = z.object({
  node: nodeSchema,
  boardId: z.string().regex(BOARD_ID_PATTERN),
  update: z.instanceof(Uint8Array),
});
const nodeMessageSchema = z.object({ node: nodeSchema });
const boardOnlySchema = z.object({ node: nodeSchema, boardId: z.string().regex(BOARD_ID_PATTERN) });

/**
 * The relays of one deployment tell each other, through the adapter's
 * serverSideEmit (Redis), what they stored and the presence of their
 * members, so every replica of a board converges; and they send a heartbeat,
 * so the presence of a relay that died goes within PEER_TIMEOUT_MS.
 */
export class PeerLink implements Peers {
  private readonly lastSeen = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;
  private core: RelayCore | undefined;

  constructor(
    private readonly io: RelayServer,
    readonly node: string,
    private readonly log: Logger,
  ) {
    const on = (event: string, handle: (payload: unknown) => void) =>
      io.on(event as 'connection', ((payload: unknown) => handle(payload)) as never);
    on(PEER_EVENTS.update, (payload) => {
      const message = this.parse(boardMessageSchema, payload);
      if (message) this.core?.applyPeerUpdate(message.boardId, message.update);
    });
    on(PEER_EVENTS.awareness, (payload) => {
      const message = this.parse(boardMessageSchema, payload);
      if (message) this.core?.applyPeerAwareness(message.node, message.boardId, message.update);
    });
    on(PEER_EVENTS.presenceWanted, (payload) => {
      const message = this.parse(boardOnlySchema, payload);
      if (message) this.core?.republishPresence(message.boardId);
    });
    on(PEER_EVENTS.heartbeat, (payload) => void this.parse(nodeMessageSchema, payload));
    on(PEER_EVENTS.bye, (payload) => {
      const message = nodeMessageSchema.safeParse(payload);
      if (message.success) this.gone(message.data.node, 'it stopped');
    });
    this.timer = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** The core is made after the transport; messages before this are for boards nobody here has loaded. */
  attach(core: RelayCore): void {
    this.core = core;
  }

  update(boardId: string, update: Uint8Array): void {
    this.emit(PEER_EVENTS.update, { node: this.node, boardId, update });
  }

  awareness(boardId: string, update: Uint8Array): void {
    this.emit(PEER_EVENTS.awareness, { node: this.node, boardId, update });
  }

  wantPresence(boardId: string): void {
    this.emit(PEER_EVENTS.presenceWanted, { node: this.node, boardId });
  }

  /** Relays known alive now (not this one). */
  get peers(): string[] {
    return [...this.lastSeen.keys()];
  }

  /** Messages may have been lost (Redis was away): replicas catch up from the store. */
  catchUp(): void {
    void this.core?.catchUpFromStore();
  }

  stop(): void {
    clearInterval(this.timer);
    this.emit(PEER_EVENTS.bye, { node: this.node });
  }

  private beat(): void {
    this.emit(PEER_EVENTS.heartbeat, { node: this.node });
    const now = Date.now();
    for (const [node, seen] of this.lastSeen) {
      if (now - seen > PEER_TIMEOUT_MS) this.gone(node, `no heartbeat for ${PEER_TIMEOUT_MS} ms`);
    }
  }

  private gone(node: string, reason: string): void {
    if (!this.lastSeen.delete(node)) return;
    this.log.info({ node, reason }, 'relay peer gone');
    this.core?.forgetPeer(node);
  }

  private parse<T extends { node: string }>(schema: z.ZodType<T>, payload: unknown): T | undefined {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      this.log.warn({ issue: parsed.error.issues[0]?.message }, 'ignored a malformed message from a relay peer');
      return undefined;
    }
    if (parsed.data.node === this.node) return undefined;
    if (!this.lastSeen.has(parsed.data.node)) this.log.info({ node: parsed.data.node }, 'relay peer seen');
    this.lastSeen.set(parsed.data.node, Date.now());
    return parsed.data;
  }

  private emit(event: string, payload: object): void {
    try {
      this.io.serverSideEmit(event as never, payload as never);
    } catch (error) {
      this.log.warn({ err: String(error) }, 'could not reach the relay peers');
    }
  }
}
