import type { Server, Socket } from 'socket.io';
import { type ClientToServerEvents, EVENTS, type ServerToClientEvents, type Untrusted } from '../../shared/protocol';
import type { Outbox } from '../core/types';

export type RelayServer = Server<Untrusted<ClientToServerEvents>, ServerToClientEvents>;
export type RelaySocket = Socket<Untrusted<ClientToServerEvents>, ServerToClientEvents>;

/** Socket.IO room of a board; prefixed so it can never collide with a socket id's own room. */
export const boardRoom = (boardId: string) => `board:${boardId}`;

/**
 * Boards are Socket.IO rooms, so a broadcast is encoded once for all members.
 * Presence is not sent to the sockets in `congested` (backpressure.ts): it is
 * the first thing to go when a socket is behind, and the next state each peer
 * publishes replaces what it missed.
 */
export function socketIoOutbox(io: RelayServer, congested: ReadonlySet<string> = new Set()): Outbox {
  const skips = (event: string, connectionId: string) => event === EVENTS.awareness && congested.has(connectionId);
  return {
    subscribe(connectionId, boardId) {
      void io.sockets.sockets.get(connectionId)?.join(boardRoom(boardId));
    },
    unsubscribe(connectionId, boardId) {
      void io.sockets.sockets.get(connectionId)?.leave(boardRoom(boardId));
    },
    toConnection(connectionId, { event, boardId, update }) {
      if (skips(event, connectionId)) return;
      io.sockets.sockets.get(connectionId)?.emit(event, { boardId, update });
    },
    toConnections(connectionIds, { event, boardId, update }) {
      const targets = connectionIds.filter((id) => !skips(event, id));
      if (targets.length > 0) io.to(targets).emit(event, { boardId, update });
    },
    toBoard(boardId, { event, boardId: id, update }, except) {
      const excluded = event === EVENTS.awareness && congested.size > 0 ? [...except, ...congested] : except;
      const target = io.to(boardRoom(boardId));
      (excluded.length > 0 ? target.except([...excluded]) : target).emit(event, { boardId: id, update });
    },
    disconnect(connectionId) {
      io.sockets.sockets.get(connectionId)?.disconnect(true);
    },
    sendRole(connectionId, boardId, role) {
      io.sockets.sockets.get(connectionId)?.emit(EVENTS.role, { boardId, role });
    },
    endAccess(connectionId, ended) {
      const socket = io.sockets.sockets.get(connectionId);
      // Engine.IO sends what is queued before it closes the transport, so the reason arrives first.
      socket?.emit(EVENTS.accessEnded, ended);
      socket?.disconnect(true);
    },
  };
}
