/**
 * One Socket.IO connection to a relay, shared by every open board.
 *
 * Reconnection is ours, not Socket.IO's: we know when the next attempt is due
 * (the UI shows it and offers "Retry now"), and a refused handshake
 * (UNAUTHORIZED, PROTOCOL_MISMATCH) stops retrying instead of hammering the
 * relay. On every (re)connect each open board rejoins and resyncs. When the
 * relay ends our access (`access:ended`: the pass was revoked or expired, or
 * a handshake says the link opens nothing any more) we say why and stop for
 * good: no retry would get us in.
 */
import { io, type Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import {
  ACCESS_ENDED_MESSAGES,
  accessEndedMessageSchema,
  BOARD_ID_PATTERN,
  type ClientToServerEvents,
  CONNECT_ERRORS,
  EVENTS,
  type JoinAckParsed,
  joinAckSchema,
  PASS_REFUSED_DETAIL,
  plainAckSchema,
  PROTOCOL_VERSION,
  roleMessageSchema,
  type ServerToClientEvents,
  updateMessageSchema,
  awarenessMessageSchema,
} from '../../shared/protocol';
import { reconnectDelayMs } from './backoff';
import { BoardSync, type BoardChannel, type BoardSyncOptions } from './board-sync';
import { JOIN_TIMEOUT_MS, RECONNECT_MAX_MS, RECONNECT_MIN_MS, UPDATE_ACK_TIMEOUT_MS } from './constants';
import { Emitter } from './emitter';

export type ConnectionState = 'connecting' | 'connected' | 'offline';

export interface ConnectionStatus {
  state: ConnectionState;
  /** When the next reconnect attempt is due (epoch ms), while offline and retrying. */
  nextRetryAt: number | null;
  /** Why the last attempt failed, if it did. */
  lastError: string | null;
  /** The relay refused us (wrong token, other protocol version): no automatic retries. */
  refused: boolean;
  /** How the connection reaches the relay once connected: 'polling' is the fallback where WebSocket is blocked. */
  transport?: Transport;
  /** The relay ended our access (the link was removed or expired), in its words: no retries at all. */
  accessEnded: string | null;
}

export type Transport = 'websocket' | 'polling';

/**
 * WebSocket first; where the upgrade fails (a proxy that refuses it),
 * Engine.IO's tryAllTransports opens HTTP long-polling instead, on every
 * (re)connect. Once on polling it does not try to upgrade again: the list it
 * kept has only polling left.
 */
export const DEFAULT_TRANSPORTS: Transport[] = ['websocket', 'polling'];

export interface SyncClientOptions {
  url: string;
  token?: string;
  name?: string;
  color?: string;
  /** Defaults to DEFAULT_TRANSPORTS (WebSocket, falling back to long-polling). */
  transports?: Transport[];
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  random?: () => number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REFUSALS = new Set<string>([CONNECT_ERRORS.unauthorized, CONNECT_ERRORS.protocolMismatch, 'BAD_REQUEST']);

export class SyncClient {
  readonly events = new Emitter<{ connection: ConnectionStatus }>();
  private socket: ClientSocket;
  private url: string;
  private readonly boards = new Map<string, BoardSync>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private current: ConnectionStatus = {
    state: 'connecting',
    nextRetryAt: null,
    lastError: null,
    refused: false,
    accessEnded: null,
  };

  constructor(private readonly options: SyncClientOptions) {
    this.url = options.url;
    this.socket = this.createSocket(options.url);
    this.socket.connect();
  }

  private createSocket(url: string): ClientSocket {
    const socket = io(url, {
      autoConnect: false,
      reconnection: false,
      transports: this.options.transports ?? DEFAULT_TRANSPORTS,
      tryAllTransports: true,
      auth: { v: PROTOCOL_VERSION, name: this.options.name, color: this.options.color, token: this.options.token },
    });
    this.wire(socket);
    return socket;
  }

  private wire(socket: ClientSocket): void {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on(EVENTS.update, (payload: unknown) => {
      const message = updateMessageSchema.safeParse(payload);
      if (message.success) this.boards.get(message.data.boardId)?.handleRemoteUpdate(message.data.update);
    });
    socket.on(EVENTS.awareness, (payload: unknown) => {
      const message = awarenessMessageSchema.safeParse(payload);
      if (message.success) this.boards.get(message.data.boardId)?.handleRemoteAwareness(message.data.update);
    });
    socket.on(EVENTS.role, (payload: unknown) => {
      const message = roleMessageSchema.safeParse(payload);
      if (message.success) this.boards.get(message.data.boardId)?.handleRole(message.data.role);
    });
    socket.on(EVENTS.accessEnded, (payload: unknown) => {
      const message = accessEndedMessageSchema.safeParse(payload);
      this.endAccess(message.success ? message.data.message : ACCESS_ENDED_MESSAGES.revoked);
    });
  }

  /** Our access is over: say so, drop the connection, never retry. */
  private endAccess(message: string): void {
    if (this.destroyed || this.current.accessEnded !== null) return;
    this.clearRetry();
    this.setStatus({ state: 'offline', nextRetryAt: null, lastError: message, refused: true, accessEnded: message });
    this.socket.disconnect();
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  /** The underlying socket, for diagnostics and tests (e.g. to cut the transport). */
  get rawSocket(): ClientSocket {
    return this.socket;
  }

  /** Starts syncing `doc` as board `boardId`. One BoardSync per board id at a time. */
  open(boardId: string, doc: Y.Doc, options: BoardSyncOptions = {}): BoardSync {
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error(`invalid board id: ${JSON.stringify(boardId)}`);
    if (this.boards.has(boardId)) throw new Error(`board ${boardId} is already open on this connection`);
    if (this.destroyed) throw new Error('this SyncClient was destroyed');
    const board = new BoardSync(boardId, doc, this.channel, options, (closed) => {
      if (this.boards.get(boardId) === closed) this.boards.delete(boardId);
    });
    this.boards.set(boardId, board);
    return board;
  }

  /** Skips the wait before the next reconnect attempt (also after a refusal). */
  retryNow(): void {
    if (this.destroyed || this.socket.connected || this.current.accessEnded !== null) return;
    this.clearRetry();
    this.setStatus({ state: 'connecting', nextRetryAt: null, refused: false });
    this.socket.connect();
  }

  /**
   * The relay moved (the desktop app's embedded relay restarted on another
   * port): drops the old connection and connects to `url` at once. The boards
   * stay open with their docs, unsent changes and undo history; they rejoin
   * and resync on the new connection as after any reconnect.
   */
  moveTo(url: string): void {
    if (this.destroyed || url === this.url) return;
    this.url = url;
    const old = this.socket;
    old.removeAllListeners();
    old.disconnect();
    for (const board of this.boards.values()) board.handleDisconnected();
    this.clearRetry();
    this.attempt = 0;
    this.socket = this.createSocket(url);
    this.setStatus({ state: 'connecting', nextRetryAt: null, refused: false, lastError: null, accessEnded: null });
    this.socket.connect();
  }

  /** Closes every board and the connection. */
  destroy(): void {
    if (this.destroyed) return;
    for (const board of [...this.boards.values()]) board.close();
    this.destroyed = true;
    this.clearRetry();
    this.socket.disconnect();
    this.events.clear();
  }

  private readonly channel: BoardChannel = {
    isConnected: () => this.socket.connected,
    join: (boardId, stateVector) =>
      new Promise<JoinAckParsed>((resolve, reject) => {
        this.socket.timeout(JOIN_TIMEOUT_MS).emit(EVENTS.join, { boardId, stateVector }, (error, response) => {
          if (error) return reject(error);
          const ack = joinAckSchema.safeParse(response);
          resolve(ack.success ? ack.data : malformed('join'));
        });
      }),
    update: (boardId, update) =>
      new Promise((resolve, reject) => {
        this.socket.timeout(UPDATE_ACK_TIMEOUT_MS).emit(EVENTS.update, { boardId, update }, (error, response) => {
          if (error) return reject(error);
          const ack = plainAckSchema.safeParse(response);
          resolve(ack.success ? ack.data : malformed('update'));
        });
      }),
    leave: (boardId) => {
      this.socket.emit(EVENTS.leave, { boardId }, () => undefined);
    },
    awareness: (boardId, update) => {
      this.socket.emit(EVENTS.awareness, { boardId, update });
    },
  };

  private readonly onConnect = (): void => {
    this.attempt = 0;
    this.clearRetry();
    const engine = this.socket.io.engine;
    engine.once('upgrade', () => this.setStatus({ transport: transportName(engine.transport.name) }));
    this.setStatus({
      state: 'connected',
      nextRetryAt: null,
      lastError: null,
      refused: false,
      transport: transportName(engine.transport.name),
    });
    for (const board of this.boards.values()) board.handleConnected();
  };

  private readonly onDisconnect = (reason: string): void => {
    for (const board of this.boards.values()) board.handleDisconnected();
    if (this.destroyed || this.current.accessEnded !== null) return;
    this.setStatus({ state: 'offline', lastError: `disconnected: ${reason}` });
    this.scheduleRetry();
  };

  private readonly onConnectError = (error: Error & { data?: { detail?: unknown } }): void => {
    for (const board of this.boards.values()) board.handleDisconnected();
    if (this.destroyed) return;
    if (error.message === CONNECT_ERRORS.unauthorized && error.data?.detail === PASS_REFUSED_DETAIL) {
      // A page loaded again with a link that was removed: the same words as when it happened.
      return this.endAccess(ACCESS_ENDED_MESSAGES.revoked);
    }
    const refused = REFUSALS.has(error.message);
    this.setStatus({ state: 'offline', lastError: error.message, refused, nextRetryAt: null });
    if (!refused) this.scheduleRetry();
  };

  private scheduleRetry(): void {
    if (this.retryTimer || this.destroyed) return;
    const delay = reconnectDelayMs(
      this.attempt++,
      this.options.random,
      this.options.reconnectMinMs ?? RECONNECT_MIN_MS,
      this.options.reconnectMaxMs ?? RECONNECT_MAX_MS,
    );
    this.setStatus({ nextRetryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.destroyed || this.socket.connected) return;
      this.setStatus({ state: 'connecting', nextRetryAt: null });
      this.socket.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(change: Partial<ConnectionStatus>): void {
    this.current = { ...this.current, ...change };
    this.events.emit('connection', this.current);
  }
}

function transportName(name: string): Transport {
  return name === 'polling' ? 'polling' : 'websocket';
}

/** A relay answered with something that is not protocol v1: treat it as an internal error. */
function malformed(request: string) {
  return { ok: false as const, error: { code: 'INTERNAL' as const, message: `relay sent a malformed ${request} ack` } };
}
