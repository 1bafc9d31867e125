import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeKey, updateKey, updateKeys } from './update-id';

describe('updateKey', () => {
  it('names each map edit by its clientID and clock', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const cursors = doc.getMap('shapes');
    for (let i = 0; i < 3; i++) cursors.set(String(doc.clientID), [i, i * 2]);
    expect(updates.map((update) => describeKey(updateKey(update)))).toEqual([
      `${doc.clientID}:0`,
      `${doc.clientID}:1`,
      `${doc.clientID}:2`,
    ]);
  });

  it('is NaN for an update without structs', () => {
    expect(updateKey(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNaN();
  });

  it('lists every edit of a merged update', () => {
    const edits: Uint8Array[] = [];
    const clients = [new Y.Doc(), new Y.Doc()];
    for (const doc of clients) {
      doc.on('update', (update: Uint8Array) => edits.push(update));
      for (let i = 0; i < 2; i++) doc.getMap('shapes').set(String(doc.clientID), [i, i]);
    }
    const keys = updateKeys(Y.mergeUpdates(edits)).map(describeKey).sort();
    const expected = clients.flatMap((doc) => [`${doc.clientID}:0`, `${doc.clientID}:1`]).sort();
    expect(keys).toEqual(expected);
    expect(updateKeys(edits[0]!).map(describeKey)).toEqual([`${clients[0]!.clientID}:0`]);
  });
});
