import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessEntries, filterOwnedEntries, parseAwarenessUpdate } from './awareness-filter';

function awarenessUpdate(clientId: number, state: Record<string, unknown> | null): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

describe('awareness filter', () => {
  it('parses what y-protocols encodes and encodes it back byte for byte', () => {
    const update = awarenessUpdate(7, { name: 'Ann', cursor: { x: 1, y: 2 } });
    const entries = parseAwarenessUpdate(update);
    expect(entries).toEqual([{ clientId: 7, clock: 1, stateJson: '{"name":"Ann","cursor":{"x":1,"y":2}}' }]);
    expect(encodeAwarenessEntries(entries!)).toEqual(update);
    expect(parseAwarenessUpdate(awarenessUpdate(8, null))).toEqual([{ clientId: 8, clock: 1, stateJson: 'null' }]);
  });

  it('returns null for junk', () => {
    const good = awarenessUpdate(7, { a: 1 });
    expect(parseAwarenessUpdate(new Uint8Array(0))).toBeNull();
    expect(parseAwarenessUpdate(good.slice(0, good.length - 1))).toBeNull();
    expect(parseAwarenessUpdate(new Uint8Array([...good, 0]))).toBeNull();
    expect(parseAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, stateJson: '{oops' }]))).toBeNull();
    expect(parseAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, stateJson: '[1]' }]))).toBeNull();
    expect(parseAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, stateJson: '"s"' }]))).toBeNull();
  });

  it('keeps owned ids, claims free ones up to the limit, and drops ids others own', () => {
    const owned = new Set([1]);
    const entries = [1, 2, 3, 4].map((clientId) => ({ clientId, clock: 1, stateJson: '{}' }));
    const kept = filterOwnedEntries(entries, owned, (id) => id === 2, 2);
    expect(kept.map((e) => e.clientId)).toEqual([1, 3]);
    expect([...owned]).toEqual([1, 3]);
  });
});
