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

/** The shape keys a member holds after applying all it was sent, and how many update messages that took. */
function received(outbox: MemoryOutbox, member: string) {
  const doc = new Y.Doc();
  const messages = outbox.received(member, 'board:update');
  for (const message of messages) Y.applyUpdate(doc, message.update);
  return { keys: Object.keys(doc.getMap('shapes').toJSON()).sort(), messages: messages.length };
}

function setup(members: string[]) {
  const outbox = new MemoryOutbox();
  for (const member of members) outbox.subscribe(member, 'b');
  const present = new Set(members);
  return { outbox, present, batch: new BroadcastBatch('b', outbox, (id) => present.has(id)) };
}

describe('BroadcastBatch', () => {
  it('holds a lone update until the end of the turn, then sends it as it is to everyone but its sender', async () => {
    const { outbox, batch } = setup(['a', 'b', 'c']);
    const update = edit(1, 'x');
    batch.queueUpdate('a', update);
    expect(outbox.delivered).toEqual([]);
    await nextTurn();
    expect(outbox.received('a')).toEqual([]);
    expect(outbox.received('b').map((m) => m.update)).toEqual([update]);
  });

  it('sends a turn as one merged update to members who sent nothing, and never echoes a sender its own', async () => {
    const { outbox, batch } = setup(['a', 'b', 'c', 'd']);
    batch.queueUpdate('a', edit(1, 'a1'));
    batch.queueUpdate('b', edit(2, 'b1'));
    batch.queueUpdate('a', edit(3, 'a2'));
    await nextTurn();
    expect(received(outbox, 'c')).toEqual({ keys: ['a1', 'a2', 'b1'], messages: 1 });
    expect(received(outbox, 'd')).toEqual({ keys: ['a1', 'a2', 'b1'], messages: 1 });
    expect(received(outbox, 'a')).toEqual({ keys: ['b1'], messages: 1 });
    expect(received(outbox, 'b')).toEqual({ keys: ['a1', 'a2'], messages: 2 });
  });

  it('sends nothing more to a sender that left before the flush, and still delivers its update to the others', async () => {
    const { outbox, batch, present } = setup(['a', 'b', 'c']);
    batch.queueUpdate('a', edit(1, 'x'));
    batch.queueUpdate('b', edit(2, 'y'));
    present.delete('a');
    outbox.unsubscribe('a', 'b');
    await nextTurn();
    expect(outbox.received('a')).toEqual([]);
    expect(received(outbox, 'b')).toEqual({ keys: ['x'], messages: 1 });
    expect(received(outbox, 'c')).toEqual({ keys: ['x', 'y'], messages: 1 });
  });
});
