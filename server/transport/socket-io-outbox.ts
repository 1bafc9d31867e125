import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, Untrusted } from '../../shared/protocol';
import type { Outbox } from '../core/types';

export type RelayServer = Server<Untrusted<ClientToServerEvents>, ServerToClientEvents>;
export type RelaySocket = Socket<Untrusted<ClientToServerEvents>, ServerToClientEvents>;

/** Socket.IO room of a board; prefixed so it can never collide with a socket id's own room. */
export const boardRoom = (boardId: string) => `board:${boardId}`;

/** Boards are Socket.IO rooms, so a broadcast is encoded once for all members. */
export function socketIoOutbox(io: RelayServer): Outbox {
  return {
    subscribe(connectionId, boardId) {
      void io.sockets.sockets.get(connectionId)?.join(boardRoom(boardId));
    },
    unsubscribe(connectionId, boardId) {
      void io.sockets.sockets.get(connectionId)?.leave(boardRoom(boardId));
    },
    toConnection(connectionId, { event, boardId, update }) {
      io.sockets.sockets.get(connectionId)?.emit(event, { boardId, update });
    },
    toConnections(connectionIds, { event, boardId, update }) {
      if (connectionIds.length > 0) io.to([...connectionIds]).emit(event, { boardId, update });
    },
    toBoard(boardId, { event, boardId: id, update }, except) {
      const target = io.to(boardRoom(boardId));
      (except.length > 0 ? target.except([...except]) : target).emit(event, { boardId: id, update });
    },
    disconnect(connectionId) {
      io.sockets.sockets.get(connectionId)?.disconnect(true);
    },
  };
}
