import { describe, expect, it } from 'vitest';
import type { DiscoveredSession, RecentJoin } from '../../../shared/desktop';
import {
  discoveredTarget,
  joinedPageHref,
  linkFieldText,
  orderDiscovered,
  ownBoardsHref,
  probeProblemHeadline,
  recentLabel,
  targetLabel,
} from './join-model';

const session = (over: Partial<DiscoveredSession>): DiscoveredSession => ({
  id: 'id',
  name: 'Ada',
  host: 'ada.local',
  port: 4455,
  protocol: 1,
  compatible: true,
  relayUrls: ['http://192.168.1.20:4455'],
  ...over,
});

describe('probeProblemHeadline', () => {
  it('names each problem in words', () => {
    const words = (problem: 'unreachable' | 'not-a-relay' | 'protocol-mismatch' | 'unauthorized', sent = true) =>
      probeProblemHeadline({ ok: false, problem, message: '' }, sent);
    expect(words('unreachable')).toMatch(/^Unreachable/);
    expect(words('not-a-relay')).toBe('That address is not an Easel relay.');
    expect(words('protocol-mismatch')).toMatch(/another Easel version/);
    expect(words('unauthorized')).toMatch(/^Wrong token/);
  });

  it('asks for a token rather than calling a missing one wrong', () => {
    expect(probeProblemHeadline({ ok: false, problem: 'unauthorized', message: '' }, false)).toBe(
      'That relay needs a token.',
    );
  });
});

describe('joinedPageHref', () => {
  it('loads the board with the remote relay and token, keeping other parameters', () => {
    const href = joinedPageHref(
      { relayUrl: 'http://192.168.1.20:4455', boardId: 'retro', token: 'a&b=c' },
      '?relay=http%3A%2F%2F127.0.0.1%3A1234&t=host-token&name=Ada&e2e=1',
    );
    const url = new URL(href, 'app://easel');
    expect(url.pathname).toBe('/b/retro');
    expect(url.searchParams.get('relay')).toBe('http://192.168.1.20:4455');
    expect(url.searchParams.get('t')).toBe('a&b=c');
    expect(url.searchParams.get('name')).toBe('Ada');
    expect(url.searchParams.get('e2e')).toBe('1');
  });

  it('goes home on the relay when the target names no board, and drops the old token when there is none', () => {
    const url = new URL(joinedPageHref({ relayUrl: 'https://relay.example.com' }, '?t=host-token'), 'app://easel');
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('relay')).toBe('https://relay.example.com');
    expect(url.searchParams.has('t')).toBe(false);
  });
});

describe('ownBoardsHref', () => {
  it('is home on the embedded relay with the host token', () => {
    const href = ownBoardsHref(
      { state: 'running', url: 'http://127.0.0.1:5000', token: 'host', sharing: false },
      '?relay=http%3A%2F%2F10.0.0.2%3A4455&t=guest',
    );
    expect(href).toBe('/?relay=http%3A%2F%2F127.0.0.1%3A5000&t=host');
  });

  it('is null while the relay has no address', () => {
    expect(ownBoardsHref({ state: 'starting', url: null, token: 'host', sharing: false }, '')).toBeNull();
  });
});

describe('discovered sessions', () => {
  it('lists the joinable ones first, then by name', () => {
    const ordered = orderDiscovered([
      session({ id: '1', name: 'Zed' }),
      session({ id: '2', name: 'Old', compatible: false }),
      session({ id: '3', name: 'Ada' }),
    ]);
    expect(ordered.map((entry) => entry.name)).toEqual(['Ada', 'Zed', 'Old']);
  });

  it('joins the first announced address, with the board but never a token', () => {
    expect(discoveredTarget(session({ boardId: 'retro' }))).toEqual({
      relayUrl: 'http://192.168.1.20:4455',
      boardId: 'retro',
    });
    expect(discoveredTarget(session({ relayUrls: [] }))).toBeNull();
  });
});

describe('labels', () => {
  it('names a target by board and address', () => {
    expect(targetLabel({ relayUrl: 'http://192.168.1.20:4455', boardId: 'retro' })).toBe('retro on 192.168.1.20:4455');
    expect(targetLabel({ relayUrl: 'https://relay.example.com' })).toBe('https://relay.example.com');
  });

  it('prefers the remembered label of a recent join', () => {
    const recent: RecentJoin = { relayUrl: 'http://10.0.0.2:4455', lastJoinedAt: '2026-01-01T00:00:00.000Z' };
    expect(recentLabel(recent)).toBe('10.0.0.2:4455');
    expect(recentLabel({ ...recent, label: 'Retro' })).toBe('Retro');
  });

  it('fills the link field with the link minus its token', () => {
    expect(linkFieldText({ relayUrl: 'http://10.0.0.2:4455', boardId: 'retro', token: 'x' })).toBe(
      'http://10.0.0.2:4455/b/retro',
    );
    expect(linkFieldText({ relayUrl: 'http://10.0.0.2:4455' })).toBe('http://10.0.0.2:4455');
  });
});
