import { describe, expect, it } from 'vitest';
import {
  formatEaselJoinLink,
  formatHttpJoinLink,
  type JoinTarget,
  parseEaselLink,
  parseJoinInput,
  parseRelayUrl,
  relayUrlFor,
} from './links';

const token = 'Zk3n9Q-x_Yb1cD2eF3gH4i';

describe('formatting join links', () => {
  it('writes the http link of a board with its token, and the relay home without a board', () => {
    expect(formatHttpJoinLink({ relayUrl: 'http://192.168.1.20:4455', boardId: 'team-retro', token })).toBe(
      `http://192.168.1.20:4455/b/team-retro?t=${token}`,
    );
    expect(formatHttpJoinLink({ relayUrl: 'http://192.168.1.20:4455', token })).toBe(
      `http://192.168.1.20:4455/?t=${token}`,
    );
    expect(formatHttpJoinLink({ relayUrl: 'https://relay.example.com' })).toBe('https://relay.example.com/');
  });

  it('writes easel:// links with the relay URL encoded', () => {
    expect(formatEaselJoinLink({ relayUrl: 'http://192.168.1.20:4455', boardId: 'b1', token })).toBe(
      `easel://join?relay=http%3A%2F%2F192.168.1.20%3A4455&board=b1&t=${token}`,
    );
  });

  it('brackets IPv6 addresses in relay URLs', () => {
    expect(relayUrlFor('192.168.1.20', 4455)).toBe('http://192.168.1.20:4455');
    expect(relayUrlFor('fd12:3456::1', 4455)).toBe('http://[fd12:3456::1]:4455');
  });

  it('parses what it formats, both forms', () => {
    const targets: JoinTarget[] = [
      { relayUrl: 'http://192.168.1.20:4455', boardId: 'team-retro', token },
      { relayUrl: 'http://[fd12:3456::1]:4455', boardId: 'x', token: 'a+b/c=' },
      { relayUrl: 'https://relay.example.com', boardId: 'B_1' },
      { relayUrl: 'http://10.0.0.2:9000', token },
      { relayUrl: 'http://host.local:4455' },
    ];
    for (const target of targets) {
      expect(parseJoinInput(formatHttpJoinLink(target)), formatHttpJoinLink(target)).toEqual({ ok: true, target });
      expect(parseJoinInput(formatEaselJoinLink(target)), formatEaselJoinLink(target)).toEqual({ ok: true, target });
    }
  });
});

describe('parseJoinInput', () => {
  it('takes a bare address, with 4455 when no port is given', () => {
    expect(parseJoinInput('192.168.1.20')).toEqual({ ok: true, target: { relayUrl: 'http://192.168.1.20:4455' } });
    expect(parseJoinInput(' 192.168.1.20:9000 ')).toEqual({
      ok: true,
      target: { relayUrl: 'http://192.168.1.20:9000' },
    });
    expect(parseJoinInput('studio.local')).toEqual({ ok: true, target: { relayUrl: 'http://studio.local:4455' } });
    expect(parseJoinInput('[fe80::1]:4455')).toEqual({ ok: true, target: { relayUrl: 'http://[fe80::1]:4455' } });
  });

  it('takes a remote relay URL as is (its scheme decides the default port)', () => {
    expect(parseJoinInput('https://relay.example.com/')).toEqual({
      ok: true,
      target: { relayUrl: 'https://relay.example.com' },
    });
    expect(parseJoinInput('http://relay.example.com')).toEqual({
      ok: true,
      target: { relayUrl: 'http://relay.example.com' },
    });
  });

  it('adds a typed token, and refuses one that contradicts the link', () => {
    expect(parseJoinInput('192.168.1.20', token)).toEqual({
      ok: true,
      target: { relayUrl: 'http://192.168.1.20:4455', token },
    });
    expect(parseJoinInput(`http://h:1/b/b1?t=${token}`, ` ${token} `)).toMatchObject({ ok: true });
    expect(parseJoinInput(`http://h:1/b/b1?t=${token}`, 'other')).toMatchObject({ ok: false });
    expect(parseJoinInput('192.168.1.20', 'has space')).toMatchObject({ ok: false });
    expect(parseJoinInput('192.168.1.20', '')).toEqual({ ok: true, target: { relayUrl: 'http://192.168.1.20:4455' } });
  });

  it('refuses everything else with a message for people', () => {
    const bad = [
      '',
      '   ',
      'javascript:alert(1)',
      'javascript://x/%0aalert(1)',
      'file:///etc/passwd',
      'ftp://h/b/x',
      'ws://h:4455',
      'http://user:pw@h:4455/b/x',
      'http://h:4455/b/a.b',
      'http://h:4455/b/' + 'x'.repeat(65),
      'http://h:4455/admin',
      'http://h:4455/b/x/y',
      'http://h:4455/b/x?t=',
      'http://h:4455/b/x?t=a%20b',
      'easel://join',
      'easel://join?relay=javascript:alert(1)',
      'easel://join?relay=http://h:1/path',
      'easel://join?relay=http://h:1&board=../x',
      'easel://open?relay=http://h:1',
      'easel://join/extra?relay=http://h:1',
      'two words',
      'h:99999',
      'x'.repeat(5000),
    ];
    for (const text of bad) {
      const result = parseJoinInput(text);
      expect(result, text).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message.length, text).toBeGreaterThan(10);
    }
  });
});

describe('parseEaselLink and parseRelayUrl', () => {
  it('parseEaselLink takes only easel: links', () => {
    expect(parseEaselLink('easel://join?relay=http%3A%2F%2Fh%3A1&board=b')).toEqual({
      ok: true,
      target: { relayUrl: 'http://h:1', boardId: 'b' },
    });
    expect(parseEaselLink('easel:join?relay=http://h:1')).toEqual({ ok: true, target: { relayUrl: 'http://h:1' } });
    expect(parseEaselLink('http://h:1/b/b')).toMatchObject({ ok: false });
  });

  it('parseRelayUrl returns the origin of an http(s) URL without path', () => {
    expect(parseRelayUrl('http://H:4455/')).toEqual({ ok: true, relayUrl: 'http://h:4455' });
    expect(parseRelayUrl('https://h:443')).toEqual({ ok: true, relayUrl: 'https://h' });
    expect(parseRelayUrl('http://h:1/x')).toMatchObject({ ok: false });
    expect(parseRelayUrl('http://h:1/?q')).toMatchObject({ ok: false });
    expect(parseRelayUrl('app://easel')).toMatchObject({ ok: false });
    expect(parseRelayUrl('nope')).toMatchObject({ ok: false });
  });
});
