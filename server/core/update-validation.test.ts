import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { DEFAULT_UPDATE_LIMITS, validateUpdate } from './update-validation';

/** A board doc the way the renderer writes one: shapes and the meta map. */
function boardDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('shapes').set('a', { type: 'rect', x: 1, points: [1, 2, 3] });
  doc.getMap('shapes').set('b', { type: 'text', text: 'hello' });
  doc.getMap('meta').set('name', 'Retro');
  return doc;
}

const stateOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);
const empty = new Y.Doc();

function verdict(update: Uint8Array, relayDoc: Y.Doc = empty, limits = DEFAULT_UPDATE_LIMITS): string {
  try {
    validateUpdate(update, stateOf(relayDoc), limits);
    return 'accepted';
  } catch (error) {
    return error instanceof RelayError ? error.code : `threw ${String(error)}`;
  }
}

/** What one change made to `doc` sends, as the renderer's doc 'update' event hands it over. */
function change(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  let captured: Uint8Array | undefined;
  const listen = (update: Uint8Array) => (captured = update);
  doc.on('update', listen);
  doc.transact(() => edit(doc));
  doc.off('update', listen);
  if (!captured) throw new Error('the edit changed nothing');
  return captured;
}

describe('validateUpdate accepts what boards are made of', () => {
  it('a whole board, the empty update, and a relay doc that already has it', () => {
    const update = Y.encodeStateAsUpdate(boardDoc());
    expect(verdict(update)).toBe('accepted');
    expect(verdict(Y.encodeStateAsUpdate(new Y.Doc()))).toBe('accepted');
    const relay = new Y.Doc();
    Y.applyUpdate(relay, update);
    expect(verdict(update, relay)).toBe('accepted');
  });

  it("incremental changes: overwrites, deletes, a rename, and another client's edit of a shape the relay has", () => {
    const alice = boardDoc();
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(alice));
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(relay));
    const edits = [
      change(alice, (doc) => doc.getMap('shapes').set('a', { type: 'rect', x: 2 })),
      change(alice, (doc) => doc.getMap('shapes').delete('b')),
      change(alice, (doc) => doc.getMap('meta').set('name', 'Renamed')),
      change(bob, (doc) => doc.getMap('shapes').set('a', { type: 'rect', x: 3 })),
      change(alice, (doc) => {
        for (let i = 0; i < 3; i++) doc.getMap('shapes').set('c', { type: 'rect', x: i });
      }),
    ];
    for (const edit of edits) {
      expect(verdict(edit, relay)).toBe('accepted');
      Y.applyUpdate(relay, edit);
    }
    expect(relay.store.pendingStructs).toBeNull();
  });

  it("a rejoin diff that carries two clients' changes, one building on the other", () => {
    const alice = boardDoc();
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    bob.getMap('shapes').set('a', { type: 'rect', x: 9 });
    // The relay has nothing yet: bob's diff holds alice's shapes and his overwrite of one.
    expect(verdict(Y.encodeStateAsUpdate(bob))).toBe('accepted');
  });
});

describe('validateUpdate refuses what boards never hold', () => {
  const cases: [string, (doc: Y.Doc) => void][] = [
    ['a subdocument', (doc) => doc.getMap('shapes').set('bomb', new Y.Doc())],
    ['a nested map', (doc) => doc.getMap('shapes').set('nested', new Y.Map())],
    ['a nested text', (doc) => doc.getMap('meta').set('nested', new Y.Text('x'))],
    ['binary content', (doc) => doc.getMap('shapes').set('bytes', new Uint8Array([1, 2]))],
    ['another root map', (doc) => doc.getMap('cursors').set('x', 1)],
    ['a root text', (doc) => doc.getText('shapes-text').insert(0, 'hi')],
    ['a root array', (doc) => doc.getArray('order').push([1])],
    ['list content in a board map', (doc) => doc.getArray('shapes').push([1])],
  ];
  for (const [what, write] of cases) {
    it(`${what}: INVALID_UPDATE`, () => {
      const doc = new Y.Doc();
      write(doc);
      expect(verdict(Y.encodeStateAsUpdate(doc))).toBe('INVALID_UPDATE');
    });
  }

  it('a subdocument bomb is refused, and the reason says so', () => {
    const doc = new Y.Doc();
    const shapes = doc.getMap('shapes');
    doc.transact(() => {
      for (let i = 0; i < 2_000; i++) shapes.set(`s${i}`, new Y.Doc());
    });
    expect(() => validateUpdate(Y.encodeStateAsUpdate(doc), () => 0)).toThrow(/subdocument/);
  });
});

describe('validateUpdate refuses updates whose dependencies are missing (nothing would stay pending)', () => {
  it('a change to a shape the relay never received', () => {
    const alice = boardDoc();
    const later = change(alice, (doc) => doc.getMap('shapes').set('a', { type: 'rect', x: 5 }));
    expect(verdict(later)).toBe('INVALID_UPDATE');
    expect(() => validateUpdate(later, () => 0)).toThrow(/does not have/);
  });

  it('a second change of a client whose first never arrived', () => {
    const alice = new Y.Doc();
    change(alice, (doc) => doc.getMap('shapes').set('x', 1));
    const second = change(alice, (doc) => doc.getMap('shapes').set('y', 2));
    expect(verdict(second)).toBe('INVALID_UPDATE');
  });

  it('a deletion of something the relay does not have', () => {
    const alice = boardDoc();
    const deletion = change(alice, (doc) => doc.getMap('shapes').delete('a'));
    expect(verdict(deletion)).toBe('INVALID_UPDATE');
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(boardDoc()));
    // The same deletion once the relay has alice's shapes (another doc, other client id): still missing.
    expect(verdict(deletion, relay)).toBe('INVALID_UPDATE');
  });
});

describe('validateUpdate bounds the work of one update', () => {
  const small = { ...DEFAULT_UPDATE_LIMITS, maxStructs: 10, maxValues: 50, maxValueDepth: 4, maxDeleteRanges: 3 };

  it('structs, values, nesting and deleted ranges: TOO_LARGE', () => {
    const many = new Y.Doc();
    for (let i = 0; i < 11; i++) many.getMap('shapes').set(`s${i}`, i);
    expect(verdict(Y.encodeStateAsUpdate(many), empty, small)).toBe('TOO_LARGE');

    const values = new Y.Doc();
    values.getMap('shapes').set('s', { points: Array.from({ length: 60 }, (_, i) => i) });
    expect(verdict(Y.encodeStateAsUpdate(values), empty, small)).toBe('TOO_LARGE');

    const deep = new Y.Doc();
    deep.getMap('shapes').set('s', [[[[[1]]]]]);
    expect(verdict(Y.encodeStateAsUpdate(deep), empty, small)).toBe('TOO_LARGE');

    const relay = new Y.Doc();
    const alice = new Y.Doc();
    for (let i = 0; i < 5; i++) alice.getMap('shapes').set(`s${i}`, i);
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(alice));
    // Shapes at clocks 0, 2 and 4: three ranges that cannot merge.
    const deletions = change(alice, (doc) => ['s0', 's2', 's4'].forEach((key) => doc.getMap('shapes').delete(key)));
    expect(verdict(deletions, relay, small)).toBe('accepted');
    expect(verdict(deletions, relay, { ...small, maxDeleteRanges: 2 })).toBe('TOO_LARGE');
  });

  it('bytes: TOO_LARGE; empty: INVALID_UPDATE', () => {
    expect(verdict(new Uint8Array(0))).toBe('INVALID_UPDATE');
    expect(verdict(Y.encodeStateAsUpdate(boardDoc()), empty, { ...DEFAULT_UPDATE_LIMITS, maxBytes: 4 })).toBe(
      'TOO_LARGE',
    );
  });
});

describe('validateUpdate refuses malformed bytes', () => {
  it('every truncation of a real update, and trailing bytes', () => {
    const update = Y.encodeStateAsUpdate(boardDoc());
    for (let length = 1; length < update.length; length++) {
      expect(verdict(update.slice(0, length)), `first ${length} bytes`).toBe('INVALID_UPDATE');
    }
    expect(verdict(new Uint8Array([...update, 0]))).toBe('INVALID_UPDATE');
  });

  it('garbage and a key that is not UTF-8', () => {
    expect(verdict(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]))).toBe('INVALID_UPDATE');
    expect(verdict(new Uint8Array([1, 1, 5, 0, 0xff]))).toBe('INVALID_UPDATE');
    const doc = new Y.Doc();
    doc.getMap('shapes').set('k', 1);
    const update = Y.encodeStateAsUpdate(doc);
    const key = update.indexOf('k'.charCodeAt(0));
    const broken = update.slice();
    broken[key] = 0xc3; // a lone UTF-8 lead byte
    expect(verdict(broken)).toBe('INVALID_UPDATE');
  });

  it('whatever it accepts of 3,000 mutated updates, Yjs applies without throwing and keeps nothing pending', () => {
    const relay = new Y.Doc();
    const base = boardDoc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(base));
    const seedUpdates = [
      Y.encodeStateAsUpdate(boardDoc()),
      change(base, (doc) => doc.getMap('shapes').set('a', { type: 'rect', x: 7 })),
      change(base, (doc) => doc.getMap('shapes').delete('b')),
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let accepted = 0;
    for (let round = 0; round < 3_000; round++) {
      const mutated = seedUpdates[round % seedUpdates.length]!.slice();
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++) mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      if (verdict(mutated, relay) !== 'accepted') continue;
      accepted += 1;
      const target = new Y.Doc();
      Y.applyUpdate(target, Y.encodeStateAsUpdate(relay));
      expect(() => Y.applyUpdate(target, mutated), `round ${round}`).not.toThrow();
      expect(target.store.pendingStructs, `round ${round}`).toBeNull();
      expect(target.store.pendingDs, `round ${round}`).toBeNull();
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
