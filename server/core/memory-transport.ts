import type { AccessEndedMessage, Role } from '../../shared/protocol';
import type { OutgoingMessage, Outbox } from './types';

export interface Delivered extends OutgoingMessage {
  to: string;
}

/**
 * An Outbox that records what each connection would receive, so the core can
 * be tested without sockets (docs/ARCHITECTURE.md#relay-core). Broadcasts loop over subscribers.
 */
export class MemoryOutbox implements Outbox {
  readonly delivered: Delivered[] = [];
  readonly disconnected: string[] = [];
  readonly roles: { to: string; boardId: string; role: Role }[] = [];
  readonly ended: { to: string; ended: AccessEndedMessage }[] = [];
  private readonly boards = new Map<string, Set<string>>();

  subscribe(connectionId: string, boardId: string): void {
    let members = this.boards.get(boardId);
    if (!members) this.boards.set(boardId, (members = new Set()));
    members.add(connectionId);
  }

  unsubscribe(connectionId: string, boardId: string): void {
    this.boards.get(boardId)?.delete(connectionId);
  }

  toConnection(connectionId: string, message: OutgoingMessage): void {
    this.delivered.push({ ...message, to: connectionId });
  }

  toConnections(connectionIds: readonly string[], message: OutgoingMessage): void {
    for (const id of connectionIds) this.toConnection(id, message);
  }

  toBoard(boardId: string, message: OutgoingMessage, except: readonly string[]): void {
    for (const member of this.boards.get(boardId) ?? []) {
      if (!except.includes(member)) this.delivered.push({ ...message, to: member });
    }
  }

  disconnect(connectionId: string): void {
    this.disconnected.push(connectionId);
  }

  sendRole(connectionId: string, boardId: string, role: Role): void {
    this.roles.push({ to: connectionId, boardId, role });
  }

  endAccess(connectionId: string, ended: AccessEndedMessage): void {
    this.ended.push({ to: connectionId, ended });
    this.disconnected.push(connectionId);
  }

  received(connectionId: string, event?: OutgoingMessage['event']): Delivered[] {
    return this.delivered.filter((m) => m.to === connectionId && (event === undefined || m.event === event));
  }
}
