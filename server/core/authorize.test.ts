import { describe, expect, it } from 'vitest';
import { type AccessAction, type AccessFacts, decide, type Grant, OPEN_ACCESS } from './authorize';

const facts = (change: Partial<AccessFacts> = {}): AccessFacts => ({ ...OPEN_ACCESS, ...change });
const editorPass: Grant = { kind: 'pass', passId: 'p1', boardId: 'a', role: 'editor', label: '' };
const viewerPass: Grant = { kind: 'pass', passId: 'p2', boardId: 'a', role: 'viewer', label: '' };
const ACTIONS: AccessAction[] = ['join', 'create', 'update', 'awareness', 'files:read', 'files:write'];

/** The decision for every action, as `action:role` or `action:no`. */
function table(grant: Grant, boardId: string, given: AccessFacts): string[] {
  return ACTIONS.map((action) => {
    const verdict = decide(action, boardId, grant, given);
    return `${action}:${verdict.ok ? verdict.role : 'no'}`;
  });
}

describe('decide', () => {
  it('lets the host and token holders do everything on every board, as editors', () => {
    for (const grant of [{ kind: 'host' }, { kind: 'token' }] as Grant[]) {
      expect(table(grant, 'any', facts())).toEqual(ACTIONS.map((action) => `${action}:editor`));
    }
  });

  it('keeps a pass to its board and role, and never lets it create', () => {
    expect(table(editorPass, 'a', facts())).toEqual([
      'join:editor',
      'create:no',
      'update:editor',
      'awareness:editor',
      'files:read:editor',
      'files:write:editor',
    ]);
    expect(table(viewerPass, 'a', facts())).toEqual([
      'join:viewer',
      'create:no',
      'update:no',
      'awareness:viewer',
      'files:read:viewer',
      'files:write:no',
    ]);
    expect(table(editorPass, 'b', facts()).every((cell) => cell.endsWith(':no'))).toBe(true);
  });

  it('makes everyone but the host a viewer of a locked board', () => {
    const locked = facts({ isLocked: (boardId) => boardId === 'a' });
    expect(decide('update', 'a', { kind: 'host' }, locked)).toEqual({ ok: true, role: 'editor' });
    for (const grant of [{ kind: 'token' } as Grant, editorPass]) {
      expect(decide('join', 'a', grant, locked)).toEqual({ ok: true, role: 'viewer' });
      expect(decide('update', 'a', grant, locked)).toMatchObject({
        ok: false,
        message: expect.stringContaining('locked'),
      });
    }
    expect(decide('update', 'b', { kind: 'token' }, locked)).toEqual({ ok: true, role: 'editor' });
  });

  it('refuses a revoked pass everything, and everyone a deleted board', () => {
    const revoked = facts({ passIsValid: () => false });
    expect(table(editorPass, 'a', revoked).every((cell) => cell.endsWith(':no'))).toBe(true);
    const deleted = facts({ refusalOf: (boardId) => (boardId === 'a' ? 'this board was deleted' : undefined) });
    expect(decide('join', 'a', { kind: 'host' }, deleted)).toEqual({ ok: false, message: 'this board was deleted' });
  });
});
