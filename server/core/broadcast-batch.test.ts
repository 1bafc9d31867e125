import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BroadcastBatch } from './broadcast-batch';
import { MemoryOutbox } from './memory-transport';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function edit(clientId: number, key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getMap('shapes').set(key, clientId);
  return Y.encodeStateAsUpdate(doc);
}

/** What a member ends up with after applying everything it was sent. */
function contentOf(outbox: MemoryOutbox, member: string): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const message of outbox.received(member, 'board:update')) Y.applyUpdate(doc, message.update);
  return doc.getMap('shapes').toJSON();
}

function setup(members: string[]) {
  const outbox = new MemoryOutbox();
  for (const member of members) outbox.subscribe(member, 'b');
  const present = new Set(members);
  const batch = new BroadcastBatch('b', outbox, (id) => present.has(id));
  return { outbox, batch, present };
}

describe('BroadcastBatch', () => {
  it('sends a lone update as it is, to everyone but its sender', async () => {
    const { outbox, batch } = setup(['a', 'b', 'c']);
    const update = edit(1, 'x');
    batch.queueUpdate('a', update);
    expect(outbox.delivered).toEqual([]);
    await nextTurn();
    expect(outbox.received('a')).toEqual([]);
    expect(outbox.received('b').map((m) => m.update)).toEqual([update]);
    expect(outbox.received('c').map((m) => m.update)).toEqual([update]);
  });

  it('merges a turn into one message per member, never echoing a sender its own updates', async () => {
    const { outbox, batch } = setup(['a', 'b', 'c', 'd']);
    batch.queueUpdate('a', edit(1, 'fromA'));
    batch.queueUpdate('b', edit(2, 'fromB'));
    batch.queueUpdate('a', edit(3, 'fromA2'));
    await nextTurn();
    for (const member of ['a', 'b', 'c', 'd']) expect(outbox.received(member, 'board:update')).toHaveLength(1);
    expect(contentOf(outbox, 'a')).toEqual({ fromB: 2 });
    expect(contentOf(outbox, 'b')).toEqual({ fromA: 1, fromA2: 3 });
    expect(contentOf(outbox, 'c')).toEqual({ fromA: 1, fromB: 2, fromA2: 3 });
    expect(contentOf(outbox, 'd')).toEqual(contentOf(outbox, 'c'));
  });

  it('sends presence after the document updates of the same turn, the latest state per client', async () => {
    const { outbox, batch } = setup(['a', 'b']);
    batch.queueAwareness('a', [{ clientId: 7, clock: 1, stateJson: '{"x":1}' }]);
    batch.queueUpdate('a', edit(1, 'shape'));
    batch.queueAwareness('a', [{ clientId: 7, clock: 2, stateJson: '{"x":2}' }]);
    await nextTurn();
    const toB = outbox.received('b');
    expect(toB.map((m) => m.event)).toEqual(['board:update', 'awareness:update']);
    expect(new TextDecoder().decode(toB[1]!.update)).toContain('{"x":2}');
    expect(new TextDecoder().decode(toB[1]!.update)).not.toContain('{"x":1}');
  });

  it('sends relay-made presence to everyone and nothing to a sender that already left', async () => {
    const { outbox, batch, present } = setup(['a', 'b']);
    batch.queueUpdate('a', edit(1, 'x'));
    batch.queueUpdate('b', edit(2, 'y'));
    present.delete('a');
    outbox.unsubscribe('a', 'b');
    batch.queueAwareness(null, [{ clientId: 9, clock: 3, stateJson: 'null' }]);
    await nextTurn();
    expect(outbox.received('a')).toEqual([]);
    expect(outbox.received('b').map((m) => m.event)).toEqual(['board:update', 'awareness:update']);
  });
});
