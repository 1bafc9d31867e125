import path from 'node:path';
import {
  type BoardAccess,
  type CreatedPass,
  type CreatePassRequest,
  type JoinRecord,
  type Pass,
  type PresentPerson,
} from '../../shared/access';
import { ACCESS_ENDED_MESSAGES, type Role } from '../../shared/protocol';
import type { Grant } from '../core/authorize';
import type { RelayCore } from '../core/relay-core';
import type { AccessPort, SessionView } from '../core/session-host';
import type { Logger, Outbox } from '../core/types';
import { BoardLocks } from './board-locks';
import { JoinLog } from './join-log';
import { type PassCheck, PassStore } from './pass-store';

export const ACCESS_DIR = 'access';
/** setTimeout takes at most this (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface OpenVisit {
  visitId: string;
  joinedAt: Date;
}

/**
 * Passes, locks and the join log of one relay, and what changing them does to
 * the people connected (docs/ARCHITECTURE.md#permissions): revoking a pass
 * ends every connection it admitted at once; locking or unlocking a board
 * tells each member its new role; an expiring pass ends its connections when
 * it expires. The decisions themselves are the sessions' (core/authorize.ts);
 * this only supplies the facts they read.
 */
export class AccessControl implements AccessPort {
  private core: RelayCore | null = null;
  private outbox: Outbox | null = null;
  private readonly visits = new Map<string, OpenVisit>();
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(
    private readonly passes: PassStore,
    private readonly locks: BoardLocks,
    private readonly joinLog: JoinLog,
    private readonly log: Logger,
  ) {}

  /** Reads `<dataDir>/access/`; without a data dir everything is kept in memory. */
  static async open(dataDir: string | null, log: Logger): Promise<AccessControl> {
    const dir = dataDir === null ? null : path.join(dataDir, ACCESS_DIR);
    const [passes, locks] = await Promise.all([PassStore.open(dir, log), BoardLocks.open(dir, log)]);
    return new AccessControl(passes, locks, new JoinLog(dir, log), log);
  }

  /** The core whose sessions it tells about changes, and how to reach them. */
  attach(core: RelayCore, outbox: Outbox): void {
    this.core = core;
    this.outbox = outbox;
    this.scheduleExpiry();
  }

  // The facts sessions read -------------------------------------------------

  isLocked(boardId: string): boolean {
    return this.locks.isLocked(boardId);
  }

  passIsValid(passId: string): boolean {
    return this.passes.isValid(passId);
  }

  /** A handshake's token, if it is a pass token: the grant it holds, or why it holds none. */
  checkToken(token: string): PassCheck {
    return this.passes.check(token);
  }

  // The join log --------------------------------------------------------------

  joined(session: SessionView, boardId: string, role: Role): void {
    const { grant, client } = session;
    const joinedAt = new Date();
    const visitId = this.joinLog.joined(boardId, {
      name: client.name ?? null,
      access: grant.kind,
      passId: grant.kind === 'pass' ? grant.passId : null,
      passLabel: grant.kind === 'pass' ? grant.label : null,
      role,
      address: addressOf(session),
      joinedAt: joinedAt.toISOString(),
    });
    this.visits.set(visitKey(session.id, boardId), { visitId, joinedAt });
  }

  left(session: SessionView, boardId: string): void {
    const key = visitKey(session.id, boardId);
    const visit = this.visits.get(key);
    if (!visit) return;
    this.visits.delete(key);
    this.joinLog.left(boardId, visit.visitId, new Date());
  }

  joins(boardId: string): Promise<JoinRecord[]> {
    return this.joinLog.read(boardId);
  }

  // What the host API changes ---------------------------------------------------

  listPasses(boardId: string): Pass[] {
    return this.passes.list(boardId);
  }

  async createPass(boardId: string, request: CreatePassRequest): Promise<CreatedPass> {
    const created = await this.passes.create(boardId, request);
    this.log.info({ boardId, passId: created.id, role: created.role, expiresAt: created.expiresAt }, 'pass created');
    if (created.expiresAt !== null) this.scheduleExpiry();
    return created;
  }

  /**
   * Revokes a pass and ends every connection it admitted, before the
   * revocation is even on disk: from this call on, it opens nothing.
   * Undefined when there is no such pass.
   */
  async revokePass(passId: string): Promise<Pass | undefined> {
    const revoking = this.passes.revoke(passId);
    const cut = this.endConnections(new Set([passId]), 'revoked');
    const pass = await revoking;
    if (pass) this.log.info({ passId, boardId: pass.boardId, connections: cut }, 'pass revoked');
    return pass;
  }

  /** Every pass goes (the desktop app stopped sharing). */
  async revokeAllPasses(): Promise<number> {
    const revoking = this.passes.revokeAll();
    this.endConnections(null, 'revoked');
    const revoked = await revoking;
    if (revoked.length > 0) this.log.info({ passes: revoked.length }, 'every pass revoked');
    return revoked.length;
  }

  /** Locks or unlocks a board; everyone on it whose role changes is told at once. */
  async setLocked(boardId: string, locked: boolean): Promise<void> {
    const saving = this.locks.set(boardId, locked);
    for (const session of this.core?.sessionsOn(boardId) ?? []) {
      const role = session.refreshRole(boardId);
      if (role !== undefined) this.outbox?.sendRole(session.id, boardId, role);
    }
    await saving;
    this.log.info({ boardId, locked }, locked ? 'board locked' : 'board unlocked');
  }

  /** Whether it is locked, and who is on it now. */
  boardAccess(boardId: string): BoardAccess {
    const people = (this.core?.sessionsOn(boardId) ?? []).map((session): PresentPerson => {
      const { grant, client } = session;
      return {
        connectionId: session.id,
        name: client.name ?? null,
        access: grant.kind,
        passId: grant.kind === 'pass' ? grant.passId : null,
        passLabel: grant.kind === 'pass' ? grant.label : null,
        role: session.boards().get(boardId) ?? 'viewer',
        address: addressOf(session),
        joinedAt: (this.visits.get(visitKey(session.id, boardId))?.joinedAt ?? new Date()).toISOString(),
      };
    });
    return { boardId, locked: this.locks.isLocked(boardId), people };
  }

  /** Stops the expiry timer and writes what is unsaved. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    await Promise.all([this.joinLog.close(), this.passes.flushed(), this.locks.flushed()]);
  }

  /** Ends the connections admitted with these passes (null: with any pass); returns how many. */
  private endConnections(passIds: ReadonlySet<string> | null, reason: 'revoked' | 'expired'): number {
    let count = 0;
    for (const session of this.core?.allSessions() ?? []) {
      const grant: Grant = session.grant;
      if (grant.kind !== 'pass' || (passIds !== null && !passIds.has(grant.passId))) continue;
      this.outbox?.endAccess(session.id, { reason, message: ACCESS_ENDED_MESSAGES[reason] });
      count++;
    }
    return count;
  }

  private scheduleExpiry(): void {
    if (this.closed) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const next = this.passes.nextExpiry();
    if (next === null) return;
    this.expiryTimer = setTimeout(() => void this.expire(), Math.min(MAX_TIMER_MS, Math.max(0, next - Date.now())));
    this.expiryTimer.unref?.();
  }

  private async expire(): Promise<void> {
    this.expiryTimer = null;
    try {
      const expired = await this.passes.dropExpired();
      if (expired.length > 0) {
        const cut = this.endConnections(new Set(expired.map((pass) => pass.id)), 'expired');
        this.log.info({ passes: expired.map((pass) => pass.id), connections: cut }, 'passes expired');
      }
    } catch (error) {
      this.log.error({ err: String(error) }, 'expired passes could not be removed from disk');
    }
    this.scheduleExpiry();
  }
}

function visitKey(connectionId: string, boardId: string): string {
  return `${connectionId}\n${boardId}`;
}

function addressOf(session: SessionView): string {
  return (session.client.remoteAddress ?? session.client.address).slice(0, 64);
}
