import { describe, expect, it } from 'vitest';
import { checkHandshake, isOriginAllowed } from './handshake';

describe('checkHandshake', () => {
  it('checks the protocol version before anything else', () => {
    expect(checkHandshake({ v: 2, token: 'x' }, 'x')).toMatchObject({ ok: false, message: 'PROTOCOL_MISMATCH' });
    expect(checkHandshake(undefined, undefined)).toMatchObject({ ok: false, message: 'PROTOCOL_MISMATCH' });
    expect(checkHandshake({ v: '1' }, undefined)).toMatchObject({ ok: false, message: 'PROTOCOL_MISMATCH' });
  });

  it('requires the token only when the relay has one', () => {
    expect(checkHandshake({ v: 1 }, undefined)).toMatchObject({ ok: true });
    expect(checkHandshake({ v: 1 }, 'secret')).toMatchObject({ ok: false, message: 'UNAUTHORIZED' });
    expect(checkHandshake({ v: 1, token: 'secreT' }, 'secret')).toMatchObject({ ok: false, message: 'UNAUTHORIZED' });
    expect(checkHandshake({ v: 1, token: 'secret' }, 'secret')).toMatchObject({ ok: true });
  });

  it('admits the host token as the host and the other token as a guest', () => {
    expect(checkHandshake({ v: 1, token: 'host' }, undefined, 'host')).toMatchObject({ ok: true, role: 'host' });
    expect(checkHandshake({ v: 1 }, undefined, 'host')).toMatchObject({ ok: false, message: 'UNAUTHORIZED' });
    expect(checkHandshake({ v: 1, token: 'guest' }, undefined, 'host')).toMatchObject({ ok: false });
    expect(checkHandshake({ v: 1, token: 'host' }, 'guest', 'host')).toMatchObject({ ok: true, role: 'host' });
    expect(checkHandshake({ v: 1, token: 'guest' }, 'guest', 'host')).toMatchObject({ ok: true, role: 'guest' });
    expect(checkHandshake({ v: 1, token: 'other' }, 'guest', 'host')).toMatchObject({ ok: false });
    expect(checkHandshake({ v: 1 }, undefined, undefined)).toMatchObject({ ok: true, role: 'guest' });
  });

  it('admits a pass token with its grant, and refuses one that opens nothing even where no token is asked for', () => {
    const passToken = `${'p'.repeat(16)}.${'s'.repeat(43)}`;
    const grant = { kind: 'pass', passId: 'p'.repeat(16), boardId: 'b', role: 'viewer', label: '' } as const;
    const known = () => grant;
    const unknown = () => undefined;
    expect(checkHandshake({ v: 1, token: passToken }, undefined, 'host', known)).toMatchObject({ ok: true, grant });
    expect(checkHandshake({ v: 1, token: passToken }, undefined, 'host', unknown)).toMatchObject({
      ok: false,
      message: 'UNAUTHORIZED',
      detail: expect.stringContaining('no longer opens'),
    });
    expect(checkHandshake({ v: 1, token: passToken }, undefined, undefined, unknown)).toMatchObject({ ok: false });
    // Not shaped like a pass: the relay's own tokens decide, as before.
    expect(checkHandshake({ v: 1, token: 'host' }, undefined, 'host', unknown)).toMatchObject({
      ok: true,
      grant: { kind: 'host' },
    });
    expect(checkHandshake({ v: 1, token: 'other' }, undefined, undefined, unknown)).toMatchObject({
      ok: true,
      grant: { kind: 'token' },
    });
  });

  it('refuses malformed names and colours', () => {
    expect(checkHandshake({ v: 1, name: 'n'.repeat(65) }, undefined)).toMatchObject({
      ok: false,
      message: 'BAD_REQUEST',
    });
    expect(checkHandshake({ v: 1, color: 'red' }, undefined)).toMatchObject({ ok: false, message: 'BAD_REQUEST' });
    expect(checkHandshake({ v: 1, name: 'Ann', color: '#a1b2c3' }, undefined)).toMatchObject({ ok: true });
  });
});

describe('isOriginAllowed', () => {
  it('accepts no origin (native clients), its own origin, and listed origins only', () => {
    expect(isOriginAllowed(undefined, '127.0.0.1:4455', [])).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:4455', '127.0.0.1:4455', [])).toBe(true);
    expect(isOriginAllowed('http://evil.example', '127.0.0.1:4455', [])).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:9999', '127.0.0.1:4455', [])).toBe(false);
    expect(isOriginAllowed('app://easel', '127.0.0.1:4455', ['app://easel'])).toBe(true);
    expect(isOriginAllowed('null', '127.0.0.1:4455', [])).toBe(false);
    expect(isOriginAllowed('not a url', undefined, [])).toBe(false);
  });
});
