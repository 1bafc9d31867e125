import type { AccessEndedMessage, EVENTS, Role } from '../../shared/protocol';

export type ConnectionId = string;

/** Who is behind a connection, as far as budgets go. */
export interface ClientInfo {
  /** The key its per-address budgets count under (address-budgets.ts addressKey). */
  address: string;
  /** False for the desktop host's own windows (host token): they never spend per-address budgets. */
  budgeted: boolean;
  /** The name the client gave in its handshake (the join log shows it). */
  name?: string;
  /** Where it connects from, as the socket says (the join log shows it). */
  remoteAddress?: string;
}

export interface OutgoingMessage {
  event: typeof EVENTS.update | typeof EVENTS.awareness;
  boardId: string;
  update: Uint8Array;
}

/**
 * How the core reaches clients. The Socket.IO transport maps boards to rooms
 * (so a broadcast is encoded once); the in-memory test transport loops.
 */
export interface Outbox {
  subscribe(connectionId: ConnectionId, boardId: string): void;
  unsubscribe(connectionId: ConnectionId, boardId: string): void;
  toConnection(connectionId: ConnectionId, message: OutgoingMessage): void;
  /** One message to several connections (encoded once). */
  toConnections(connectionIds: readonly ConnectionId[], message: OutgoingMessage): void;
  /** To every member of the board except those listed. */
  toBoard(boardId: string, message: OutgoingMessage, except: readonly ConnectionId[]): void;
  /** Drops a connection; its client reconnects and resyncs every board. */
  disconnect(connectionId: ConnectionId, reason: string): void;
  /** Tells a connection its role on a board changed (the board was locked or unlocked). */
  sendRole(connectionId: ConnectionId, boardId: string, role: Role): void;
  /** Tells a connection why its access ended, then drops it; its client does not reconnect. */
  endAccess(connectionId: ConnectionId, ended: AccessEndedMessage): void;
}

/** The part of pino the relay uses, so tests can pass a silent or recording logger. */
export interface Logger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The other relays sharing this relay's boards (docs/ARCHITECTURE.md#several-relays).
 * Their replicas of a board need what this relay stored and the presence its
 * members publish; its own members get both from the transport already.
 */
export interface Peers {
  /** An update this relay stored (committed): the others merge it into their replicas. */
  update(boardId: string, update: Uint8Array): void;
  /** Presence of this relay's members (awareness update, removals included). */
  awareness(boardId: string, update: Uint8Array): void;
  /** This relay just loaded the board: the others send their members' presence on it again. */
  wantPresence(boardId: string): void;
}
