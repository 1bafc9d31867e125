/**
 * Every permission a connection asks for, decided in one place
 * (docs/ARCHITECTURE.md#permissions), after tldraw's `isReadonly` + `filterPush`
 * and Hocuspocus's `onAuthenticate` → `readOnly`: the handshake says who the
 * connection is (its Grant), and each request asks `decide(action, board)`.
 * Nothing else in the relay refuses a client for who it is.
 */
import type { Role } from '../../shared/protocol';

/**
 * How a connection got in, fixed at its handshake:
 * - host: the relay's host token (the desktop host, a standalone admin): every board, editor, even when locked;
 * - token: the relay's `--token`, or any client of a relay that asks for none: every board, editor unless locked;
 * - pass: one board, the pass's role (a viewer stays one; an editor is a viewer while the board is locked).
 */
export type Grant =
  { kind: 'host' } | { kind: 'token' } | { kind: 'pass'; passId: string; boardId: string; role: Role; label: string };

/** What a connection may ask to do with a board. `files:*` are the relay's file requests (server/files/files-http.ts). */
export type AccessAction = 'join' | 'create' | 'update' | 'awareness' | 'files:read' | 'files:write';

/** What the decision needs to know about the relay now. */
export interface AccessFacts {
  /** Why nobody may open this board (it was deleted), or undefined. */
  refusalOf(boardId: string): string | undefined;
  /** Locked: everyone but the host is a viewer. */
  isLocked(boardId: string): boolean;
  /** False once a pass is revoked or has expired: it opens nothing from then on. */
  passIsValid(passId: string): boolean;
}

export type Verdict = { ok: true; role: Role } | { ok: false; message: string };

/** The role a grant has on a board now (a lock makes everyone but the host a viewer). */
export function roleOf(grant: Grant, boardId: string, facts: AccessFacts): Role {
  if (grant.kind === 'host') return 'editor';
  if (facts.isLocked(boardId)) return 'viewer';
  return grant.kind === 'pass' ? grant.role : 'editor';
}

/** The one decision: may a connection holding `grant` do `action` on `boardId`? Refusals are FORBIDDEN. */
export function decide(action: AccessAction, boardId: string, grant: Grant, facts: AccessFacts): Verdict {
  if (grant.kind === 'pass') {
    if (!facts.passIsValid(grant.passId)) return refuse('this link no longer opens the board');
    if (grant.boardId !== boardId) return refuse(`this link opens board ${grant.boardId} only`);
    if (action === 'create') return refuse('a link opens a board that exists; it cannot create one');
  }
  const refusal = facts.refusalOf(boardId);
  if (refusal !== undefined) return refuse(refusal);
  const role = roleOf(grant, boardId, facts);
  if ((action === 'update' || action === 'files:write') && role !== 'editor') {
    return refuse(facts.isLocked(boardId) ? 'the board is locked: only the host can change it' : 'view only');
  }
  return { ok: true, role };
}

function refuse(message: string): Verdict {
  return { ok: false, message };
}

/** Anything goes: the core's own tests, and a relay with no access rules wired. */
export const OPEN_ACCESS: AccessFacts = {
  refusalOf: () => undefined,
  isLocked: () => false,
  passIsValid: () => true,
};
