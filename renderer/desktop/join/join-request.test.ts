import { describe, expect, it } from 'vitest';
import { parseJoinInput } from '../../../shared/desktop';
import { checkJoinTarget, joinRequestFrom } from './join-request';

describe('joinRequestFrom', () => {
  it('reads the request requestJoin puts in history.state', () => {
    const target = { relayUrl: 'http://10.0.0.2:4455', boardId: 'retro', token: 'abc' };
    expect(joinRequestFrom({ joinRequest: { id: '7', target } })).toEqual({ id: '7', target });
  });

  it('is null for any other history state', () => {
    for (const state of [null, undefined, 'x', {}, { joinRequest: {} }, { joinRequest: { id: 7, target: {} } }]) {
      expect(joinRequestFrom(state)).toBeNull();
    }
  });
});

describe('checkJoinTarget', () => {
  it('accepts what the link parser makes', () => {
    const parsed = parseJoinInput('easel://join?relay=http%3A%2F%2F10.0.0.2%3A4455&board=retro&t=abc');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(checkJoinTarget(parsed.target)).toEqual({ ok: true, target: parsed.target });
  });

  it('says why a malformed target cannot be joined', () => {
    const bad = checkJoinTarget({ relayUrl: 'file:///etc/passwd' });
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^That join link cannot be used \(relayUrl: /),
    });
    expect(checkJoinTarget({ relayUrl: 'http://10.0.0.2:4455', boardId: 'a/b' })).toMatchObject({ ok: false });
    expect(checkJoinTarget('nope')).toMatchObject({ ok: false });
  });
});
