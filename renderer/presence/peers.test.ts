import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PRESENCE_VERSION, type PresenceState } from '../../shared/protocol';
import { PeerList, type ReadCache, readPeers, sameButCursorPositions } from './peers';

const state = (name: string, overrides: Partial<PresenceState> = {}): PresenceState => ({
  v: PRESENCE_VERSION,
  user: { name, color: '#1971c2' },
  cursor: { x: 1, y: 2 },
  selection: [],
  gesture: null,
  viewport: null,
  activity: 'active',
  following: null,
  ...overrides,
});

describe('readPeers', () => {
  it('lists everyone but me, sorted by name, with initials', () => {
    const states = new Map<number, unknown>([
      [1, state('Me')],
      [7, state('Zed Zebra')],
      [3, state('Ann Lee')],
    ]);
    const peers = readPeers(states, 1);
    expect(peers.map((p) => [p.clientId, p.user.name, p.initials])).toEqual([
      [3, 'Ann Lee', 'AL'],
      [7, 'Zed Zebra', 'ZZ'],
    ]);
  });

  it('leaves out and reports a state that fails the schema, and skips empty ones silently', () => {
    const invalid: [number, string][] = [];
    const states = new Map<number, unknown>([
      [2, { ...state('Bad'), cursor: { x: 'left', y: 0 } }],
      [3, { ...state('Huge'), selection: Array.from({ length: 10_000 }, (_, i) => `s${i}`) }],
      [4, {}],
      [5, state('Good')],
    ]);
    expect(readPeers(states, 1, (id, error) => invalid.push([id, error])).map((p) => p.clientId)).toEqual([5]);
    expect(invalid.map(([id]) => id)).toEqual([2, 3]);
  });

  it('refuses a gesture shape that is not a valid shape', () => {
    const bad = state('B', { gesture: { shapes: [], replaces: [] } }) as unknown as Record<string, unknown>;
    bad.gesture = { shapes: [{ type: 'rect', id: 'r', x: 0, y: 0 }], replaces: [] };
    expect(readPeers(new Map([[2, bad]]), 1)).toEqual([]);
  });
});

describe('PeerList', () => {
  it('follows awareness: a remote state appears, changes and goes', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const list = new PeerList(mine);
    const seen: string[][] = [];
    list.subscribe((peers) => seen.push(peers.map((p) => p.user.name)));
    theirs.setLocalState(state('Bea'));
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    theirs.setLocalState(state('Bea B'));
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    theirs.setLocalState(null);
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(seen).toEqual([['Bea'], ['Bea B'], []]);
    list.destroy();
    mine.destroy();
    theirs.destroy();
  });
});

describe('readPeers with a cache', () => {
  it('validates a state once: the same state object gives the same peer, a new one is read again', () => {
    const cache: ReadCache = new Map();
    const bea = state('Bea');
    const bad = { ...state('Bad'), cursor: 'nowhere' };
    const invalid: number[] = [];
    const first = readPeers(
      new Map<number, unknown>([
        [2, bea],
        [3, bad],
      ]),
      1,
      (id) => invalid.push(id),
      cache,
    );
    const again = readPeers(
      new Map<number, unknown>([
        [2, bea],
        [3, bad],
      ]),
      1,
      (id) => invalid.push(id),
      cache,
    );
    expect(again[0]).toBe(first[0]);
    expect(invalid).toEqual([3]); // reported when read, not on every change
    const moved = readPeers(new Map<number, unknown>([[2, { ...bea, cursor: { x: 5, y: 6 } }]]), 1, undefined, cache);
    expect(moved[0]).not.toBe(first[0]);
    expect(moved[0]?.cursor).toEqual({ x: 5, y: 6 });
    expect([...cache.keys()]).toEqual([2]); // those who left are forgotten
  });
});

describe('sameButCursorPositions', () => {
  const peer = (name: string, overrides: Partial<PresenceState> = {}) =>
    readPeers(new Map([[2, state(name, overrides)]]), 1)[0]!;

  it('ignores a cursor moving, but not one appearing or going, nor anything else changing', () => {
    const bea = peer('Bea');
    expect(sameButCursorPositions([bea], [bea])).toBe(true);
    expect(sameButCursorPositions([bea], [peer('Bea', { cursor: { x: 400, y: -3 } })])).toBe(true);
    expect(sameButCursorPositions([bea], [peer('Bea', { cursor: null })])).toBe(false);
    expect(sameButCursorPositions([bea], [peer('Bea', { selection: ['r1'] })])).toBe(false);
    expect(sameButCursorPositions([bea], [peer('Bea', { activity: 'idle' })])).toBe(false);
    expect(sameButCursorPositions([bea], [peer('Bea B')])).toBe(false);
    expect(sameButCursorPositions([bea], [])).toBe(false);
  });
});
