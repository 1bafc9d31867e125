import type { Role } from '../../shared/protocol';
import type { AccessFacts, Grant } from './authorize';
import type { Room } from './room';
import type { ClientInfo, ConnectionId, Logger } from './types';

/** What a session shows of itself to whoever records who is on a board. */
export interface SessionView {
  readonly id: ConnectionId;
  readonly client: ClientInfo;
  readonly grant: Grant;
}

/**
 * The access rules the sessions consult, and who is told when a connection
 * joins or leaves a board (the join log). The relay wires its AccessControl
 * (server/access/); the core's own tests use OPEN_ACCESS_PORT.
 */
export interface AccessPort extends Omit<AccessFacts, 'refusalOf'> {
  joined(session: SessionView, boardId: string, role: Role): void;
  left(session: SessionView, boardId: string): void;
}

/** A board being created by a join: the joiner's permission, and whose budget it spends. */
export interface Creation {
  /** Throws (FORBIDDEN) when the joiner may not create boards. */
  authorize(): void;
  /** The address key whose new-board budget it spends; undefined spends none (the host). */
  creator: string | undefined;
}

/**
 * Everything a Session needs from the relay, and nothing more: RelayCore
 * implements it, and the session never sees the rest of the core.
 */
export interface SessionHost {
  readonly log: Logger;
  readonly budgets: { readonly maxBoardsPerConnection: number };
  readonly access: AccessPort;
  /** Why nobody may join the board now (deleted), or undefined. */
  refusalOf(boardId: string): string | undefined;
  /**
   * Loads (or creates, after `creation` allows it) a board and runs `join`
   * synchronously once it is there, so an unload cannot slip in between.
   */
  withRoomForJoin<T>(boardId: string, join: (room: Room) => T, creation?: Creation): Promise<T>;
  roomIfLoaded(boardId: string): Room | undefined;
  unloadIfIdle(boardId: string): void;
  /** The session's connection is gone. */
  forget(connectionId: ConnectionId): void;
}

export const OPEN_ACCESS_PORT: AccessPort = {
  isLocked: () => false,
  passIsValid: () => true,
  joined: () => undefined,
  left: () => undefined,
};
