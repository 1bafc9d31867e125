import type {
  AccessEndedMessage,
  AwarenessMessage,
  JoinAck,
  JoinRequest,
  LeaveRequest,
  PlainAck,
  RoleMessage,
  UpdateMessage,
} from './schemas';

/** Event names of protocol v1. One Socket.IO room per board. */
export const EVENTS = {
  join: 'board:join',
  update: 'board:update',
  leave: 'board:leave',
  awareness: 'awareness:update',
  /** Relay → client: what this connection may do on a board changed (a board was locked or unlocked). */
  role: 'board:role',
  /** Relay → client, just before it disconnects: this connection's access ended (its pass was revoked or expired). */
  accessEnded: 'access:ended',
} as const;

/** Client → relay, as the generic of `io()` on clients and (via Untrusted) of `Server`. */
export interface ClientToServerEvents {
  'board:join': (payload: JoinRequest, ack: (response: JoinAck) => void) => void;
  'board:update': (payload: UpdateMessage, ack: (response: PlainAck) => void) => void;
  'board:leave': (payload: LeaveRequest, ack: (response: PlainAck) => void) => void;
  'awareness:update': (payload: AwarenessMessage) => void;
}

/** Relay → client. `board:update` goes to everyone in the room but the sender. */
export interface ServerToClientEvents {
  'board:update': (payload: UpdateMessage) => void;
  'awareness:update': (payload: AwarenessMessage) => void;
  'board:role': (payload: RoleMessage) => void;
  'access:ended': (payload: AccessEndedMessage) => void;
}

/**
 * What actually arrives on the relay: anything. The relay registers handlers
 * with these signatures and validates every argument with the schemas.
 */
export type Untrusted<Events> = { [Name in keyof Events]: (...args: unknown[]) => void };
