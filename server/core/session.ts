import { z } from 'zod';
import {
  awarenessMessageSchema,
  binarySchema,
  boardIdSchema,
  describeIssues,
  errorAck,
  type JoinAck,
  joinRequestSchema,
  leaveRequestSchema,
  type PlainAck,
  RelayError,
  type Role,
} from '../../shared/protocol';
import { type AccessAction, type AccessFacts, decide, type Grant, type Verdict } from './authorize';
import { TokenBucket } from './rate-limit';
import type { SessionHost, SessionView } from './session-host';
import type { ClientInfo, ConnectionId } from './types';

export interface SessionLimits {
  updatesPerSecond: number;
  updateBurst: number;
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** A join answers with the board; each one may cost a copy of it. */
  joinsPerSecond: number;
  joinBurst: number;
  /**
   * Structs per second one connection may add (each costs the relay an object
   * of a few hundred bytes and some CPU); the burst lets one maximal update through.
   */
  structsPerSecond: number;
  structBurst: number;
  /** Update bytes per second one connection may send (each is applied, broadcast and fsynced). */
  updateBytesPerSecond: number;
  updateByteBurst: number;
}

/**
 * One connection's view of the relay: which boards it joined (and its role on
 * each), its rate limits, and the four protocol v1 requests. Every method
 * takes the raw payload, validates it, and answers with an ack object; none
 * throws. Whether the connection may do something is asked of `authorize`,
 * and of nothing else.
 */
export class Session implements SessionView {
  /** Joined boards, with the role the connection was last told it has there. */
  private readonly joined = new Map<string, Role>();
  /** Joins being answered, by board: a second join of one board shares the first's answer. */
  private readonly answering = new Map<string, Promise<JoinAck>>();
  private readonly updateBucket: TokenBucket;
  private readonly awarenessBucket: TokenBucket;
  private readonly joinBucket: TokenBucket;
  private readonly structBucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  private closed = false;

  constructor(
    readonly id: ConnectionId,
    private readonly core: SessionHost,
    limits: SessionLimits,
    readonly client: ClientInfo,
    /** Who the handshake said this connection is. */
    readonly grant: Grant = { kind: 'token' },
  ) {
    this.updateBucket = new TokenBucket(limits.updatesPerSecond, limits.updateBurst);
    this.awarenessBucket = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst);
    this.joinBucket = new TokenBucket(limits.joinsPerSecond, limits.joinBurst);
    this.structBucket = new TokenBucket(limits.structsPerSecond, limits.structBurst);
    this.byteBucket = new TokenBucket(limits.updateBytesPerSecond, limits.updateByteBurst);
  }

  /**
   * A join answers with the board, so one connection gets one copy at a time:
   * joins are rate-limited; a second join of a board while its answer is
   * being built shares that answer (a client's state vector only grows, so it
   * covers the second one); and a join of a board already joined, while the
   * transport still holds bytes for this connection (`unsent`), is refused
   * with RATE_LIMITED until they are gone. A connection has at most
   * `maxBoardsPerConnection` boards joined or being joined.
   */
  async join(payload: unknown, unsent: () => number = () => 0): Promise<JoinAck> {
    const request = parse(joinRequestSchema, payload);
    if (!request.ok) return request.ack;
    const { boardId, stateVector } = request.value;
    // Before the join rate: refusing a board past the budget costs nothing to answer.
    const max = this.core.budgets.maxBoardsPerConnection;
    if (!this.joined.has(boardId) && !this.answering.has(boardId) && this.joined.size + this.answering.size >= max) {
      return errorAck('RATE_LIMITED', `this connection has ${max} boards open, the most it may; leave one first`);
    }
    const allowed = this.authorize('join', boardId);
    if (!allowed.ok) return errorAck('FORBIDDEN', allowed.message);
    if (!this.joinBucket.take()) return errorAck('RATE_LIMITED', 'too many joins; retry in a few seconds');
    if (this.joined.has(boardId) && unsent() > 0) {
      return errorAck('RATE_LIMITED', `the relay is still sending board ${boardId} to this connection; retry shortly`);
    }
    const pending = this.answering.get(boardId);
    if (pending) return pending;
    const answer = this.answerJoin(boardId, stateVector);
    this.answering.set(boardId, answer);
    try {
      return await answer;
    } finally {
      this.answering.delete(boardId);
    }
  }

  private async answerJoin(boardId: string, stateVector: Uint8Array): Promise<JoinAck> {
    try {
      return await this.core.withRoomForJoin(
        boardId,
        (room) => {
          if (this.closed) throw new RelayError('NOT_JOINED', 'connection closed while joining');
          // Asked again: the board may have been deleted, the pass revoked or the board locked meanwhile.
          const { role } = this.assertAuthorized('join', boardId);
          const state = room.join(this.id, stateVector);
          this.joined.set(boardId, role);
          this.core.access.joined(this, boardId, role);
          return { ok: true as const, boardId, ...state, role };
        },
        {
          authorize: () => void this.assertAuthorized('create', boardId),
          creator: this.client.budgeted ? this.client.address : undefined,
        },
      );
    } catch (error) {
      return this.failure(error, 'join', boardId);
    }
  }

  async update(payload: unknown): Promise<PlainAck> {
    const request = parse(updateEnvelopeSchema, payload);
    if (!request.ok) return request.ack;
    const { boardId } = request.value;
    const bytes = binarySchema.safeParse(request.value.update);
    if (!bytes.success) return errorAck('INVALID_UPDATE', 'update is missing or not binary');
    const update = bytes.data;
    const room = this.joined.has(boardId) ? this.core.roomIfLoaded(boardId) : undefined;
    if (!room?.hasMember(this.id)) return errorAck('NOT_JOINED', `join board ${boardId} before sending updates`);
    // Refused before anything is read or stored: a viewer's update never touches the board.
    const allowed = this.authorize('update', boardId);
    if (!allowed.ok) return errorAck('FORBIDDEN', allowed.message);
    if (!this.updateBucket.take()) return errorAck('RATE_LIMITED', 'too many updates; slow down and retry');
    if (!this.byteBucket.take(update.byteLength)) {
      return errorAck('RATE_LIMITED', `too many bytes of updates (${update.byteLength} in this one); retry shortly`);
    }
    try {
      await room.applyUpdate(this.id, update, ({ structs }) => {
        if (!this.structBucket.take(structs)) {
          throw new RelayError('RATE_LIMITED', `too many changes at once (${structs} in this update); retry shortly`);
        }
      });
      return { ok: true };
    } catch (error) {
      return this.failure(error, 'update', boardId);
    }
  }

  async leave(payload: unknown): Promise<PlainAck> {
    const request = parse(leaveRequestSchema, payload);
    if (!request.ok) return request.ack;
    const { boardId } = request.value;
    if (!this.joined.has(boardId)) return errorAck('NOT_JOINED', `board ${boardId} was not joined`);
    this.leaveBoard(boardId);
    return { ok: true };
  }

  /** Awareness has no ack: junk, unjoined boards and floods are dropped quietly. */
  awareness(payload: unknown): void {
    const message = awarenessMessageSchema.safeParse(payload);
    if (!message.success || !this.joined.has(message.data.boardId)) return;
    if (!this.authorize('awareness', message.data.boardId).ok) return;
    if (!this.awarenessBucket.take()) return;
    this.core.roomIfLoaded(message.data.boardId)?.applyAwareness(this.id, message.data.update);
  }

  /** The connection is gone: leave every board (its presence vanishes at once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const boardId of [...this.joined.keys()]) this.leaveBoard(boardId);
    this.core.forget(this.id);
  }

  /** @internal The board failed and was dropped; this connection is being reconnected. */
  forgetBoard(boardId: string): void {
    if (this.joined.delete(boardId)) this.core.access.left(this, boardId);
  }

  /**
   * The one door (docs/ARCHITECTURE.md#permissions): may this connection do
   * `action` on `boardId` now, and with which role?
   */
  authorize(action: AccessAction, boardId: string): Verdict {
    return decide(action, boardId, this.grant, this.facts);
  }

  /** The boards this connection is on, with the role it was last told. */
  boards(): ReadonlyMap<string, Role> {
    return this.joined;
  }

  /**
   * Asks again what this connection may do on a board it joined (a lock
   * changed); returns the new role when it changed, for the connection to be told.
   */
  refreshRole(boardId: string): Role | undefined {
    const told = this.joined.get(boardId);
    if (told === undefined) return undefined;
    const verdict = this.authorize('join', boardId);
    if (!verdict.ok || verdict.role === told) return undefined;
    this.joined.set(boardId, verdict.role);
    return verdict.role;
  }

  private readonly facts: AccessFacts = {
    refusalOf: (boardId) => this.core.refusalOf(boardId),
    isLocked: (boardId) => this.core.access.isLocked(boardId),
    passIsValid: (passId) => this.core.access.passIsValid(passId),
  };

  private assertAuthorized(action: AccessAction, boardId: string): { role: Role } {
    const verdict = this.authorize(action, boardId);
    if (!verdict.ok) throw new RelayError('FORBIDDEN', verdict.message);
    return verdict;
  }

  private leaveBoard(boardId: string): void {
    this.joined.delete(boardId);
    this.core.roomIfLoaded(boardId)?.leave(this.id);
    this.core.access.left(this, boardId);
    this.core.unloadIfIdle(boardId);
  }

  private failure(error: unknown, request: string, boardId: string) {
    if (error instanceof RelayError) return error.toAck();
    this.core.log.error({ connectionId: this.id, boardId, request, err: String(error) }, 'request failed');
    return errorAck('INTERNAL', `${request} failed on the relay`);
  }
}

/** The board id decides BAD_REQUEST; what is wrong with the update itself is INVALID_UPDATE. */
const updateEnvelopeSchema = z.object({ boardId: boardIdSchema, update: z.unknown().optional() });

type Parsed<T> = { ok: true; value: T } | { ok: false; ack: ReturnType<typeof errorAck> };

function parse<Schema extends z.ZodType>(schema: Schema, payload: unknown): Parsed<z.output<Schema>> {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, ack: errorAck('BAD_REQUEST', describeIssues(result.error)) };
}
