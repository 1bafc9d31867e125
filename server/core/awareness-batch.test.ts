import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessBatch, PRESENCE_TICK_MS } from './awareness-batch';
import type { AwarenessEntry } from './awareness-filter';
import { MemoryOutbox } from './memory-transport';

const state = (clientId: number, clock: number, value: object | null): AwarenessEntry => ({
  clientId,
  clock,
  stateJson: JSON.stringify(value),
});

function setup(members: string[]) {
  const outbox = new MemoryOutbox();
  for (const member of members) outbox.subscribe(member, 'b');
  const present = new Set(members);
  return { outbox, present, batch: new AwarenessBatch('b', outbox, (id) => present.has(id)) };
}

/** What a y-protocols client makes of every awareness message `member` was sent, and how many messages. */
function seenBy(outbox: MemoryOutbox, member: string, ownClientId = 999) {
  const doc = new Y.Doc();
  doc.clientID = ownClientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const messages = outbox.received(member, 'awareness:update');
  for (const message of messages) applyAwarenessUpdate(awareness, message.update, 'relay');
  const states = Object.fromEntries(awareness.getStates());
  awareness.destroy();
  return { states, messages: messages.length };
}

afterEach(() => vi.useRealTimers());

describe('AwarenessBatch', () => {
  it('holds a tick of presence and sends each member one message carrying every change', () => {
    vi.useFakeTimers();
    const { outbox, batch } = setup(['a', 'b', 'c']);
    batch.queue('a', [state(1, 1, { x: 1 })]);
    batch.queue('a', [state(1, 2, { x: 2 })]);
    batch.queue('b', [state(2, 1, { x: 9 })]);
    expect(outbox.delivered).toEqual([]);
    vi.advanceTimersByTime(PRESENCE_TICK_MS);
    expect(seenBy(outbox, 'c')).toEqual({ states: { 1: { x: 2 }, 2: { x: 9 } }, messages: 1 });
    expect(seenBy(outbox, 'a')).toEqual({ states: { 2: { x: 9 } }, messages: 1 });
    expect(seenBy(outbox, 'b')).toEqual({ states: { 1: { x: 2 } }, messages: 1 });
    vi.advanceTimersByTime(PRESENCE_TICK_MS * 10);
    expect(outbox.delivered).toHaveLength(3); // an idle room sends nothing
  });

  it('keeps the newest entry per client id, whatever order they were queued in', () => {
    const { outbox, batch } = setup(['a', 'c']);
    batch.queue('a', [state(1, 5, { x: 5 })]);
    batch.queue('a', [state(1, 3, { x: 3 })]);
    batch.flush();
    expect(seenBy(outbox, 'c').states).toEqual({ 1: { x: 5 } });
  });

  it('carries a removal queued in the same tick as the state it removes, to everyone', () => {
    const { outbox, batch, present } = setup(['a', 'b', 'c']);
    batch.queue('b', [state(2, 1, { x: 1 })]);
    batch.queue('a', [state(1, 4, { x: 1 })]);
    // a leaves: the relay removes its state at the same clock (y-protocols removeAwarenessStates bumps it).
    present.delete('a');
    outbox.unsubscribe('a', 'b');
    batch.queue(null, [state(1, 5, null)]);
    batch.flush();
    expect(outbox.received('a')).toEqual([]);
    const message = outbox.received('c', 'awareness:update');
    expect(message).toHaveLength(1);
    // A watcher who had a's state before the tick loses it.
    const doc = new Y.Doc();
    const watcher = new Awareness(doc);
    applyAwarenessUpdate(watcher, new Uint8Array([1, 1, 3, 7, ...new TextEncoder().encode('{"x":0}')]), 'relay');
    expect(watcher.getStates().has(1)).toBe(true);
    applyAwarenessUpdate(watcher, message[0]!.update, 'relay');
    expect(watcher.getStates().has(1)).toBe(false);
    expect(watcher.getStates().get(2)).toEqual({ x: 1 });
    watcher.destroy();
  });

  it('prefers a removal to a state of the same clock', () => {
    const { outbox, batch } = setup(['a', 'c']);
    batch.queue(null, [state(1, 2, null)]);
    batch.queue('a', [state(1, 2, { x: 1 })]);
    batch.flush();
    const doc = new Y.Doc();
    const watcher = new Awareness(doc);
    applyAwarenessUpdate(watcher, new Uint8Array([1, 1, 1, 2, ...new TextEncoder().encode('{}')]), 'relay');
    applyAwarenessUpdate(watcher, outbox.received('c')[0]!.update, 'relay');
    expect(watcher.getStates().has(1)).toBe(false);
    watcher.destroy();
  });

  it("sends the relay's own word on a member's state to that member too", () => {
    const { outbox, batch } = setup(['a', 'b']);
    batch.queue('a', [state(1, 1, { x: 1 })]);
    batch.queue(null, [state(3, 7, null)]);
    batch.flush();
    expect(outbox.received('a')).toHaveLength(1);
    expect(outbox.received('b')).toHaveLength(1);
    expect(seenBy(outbox, 'a', 3).messages).toBe(1);
  });

  it('sends a member that set every entry of the tick nothing', () => {
    const { outbox, batch } = setup(['a', 'b']);
    batch.queue('a', [state(1, 1, { x: 1 }), state(2, 1, { x: 2 })]);
    batch.flush();
    expect(outbox.received('a')).toEqual([]);
    expect(seenBy(outbox, 'b').states).toEqual({ 1: { x: 1 }, 2: { x: 2 } });
  });

  it('drops what it holds on cancel', () => {
    vi.useFakeTimers();
    const { outbox, batch } = setup(['a', 'b']);
    batch.queue('a', [state(1, 1, { x: 1 })]);
    batch.cancel();
    vi.advanceTimersByTime(PRESENCE_TICK_MS * 2);
    expect(outbox.delivered).toEqual([]);
  });
});
