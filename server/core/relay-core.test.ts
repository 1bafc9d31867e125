import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MemoryBoardStore } from '../storage/memory-store';
import { PRESENCE_TICK_MS } from './awareness-batch';
import { MemoryOutbox } from './memory-transport';
import { RelayCore, type RelayCoreOptions } from './relay-core';
import { sleep, waitFor } from '../../tests/support/wait';

const cores: RelayCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

function setup(options: Partial<RelayCoreOptions> = {}) {
  const store = new MemoryBoardStore();
  const outbox = new MemoryOutbox();
  const core = new RelayCore({ store, outbox, idleUnloadMs: 20, ...options });
  cores.push(core);
  return { store, outbox, core };
}

/** Rooms send what they queued once per event-loop turn. */
/** Presence goes out once per tick (awareness-batch.ts); wait a little past one. */
const presenceTick = () => sleep(PRESENCE_TICK_MS * 2);
const emptyVector = () => Y.encodeStateVector(new Y.Doc());
function update(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('shapes').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
function shapesOf(joinUpdate: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, joinUpdate);
  return doc.getMap('shapes').toJSON();
}

describe('RelayCore with in-memory connections', () => {
  it('loads a board lazily, unloads it once idle, and reloads it with everything', async () => {
    const { core } = setup();
    expect(core.loadedBoards).toBe(0);
    const alice = core.connect('alice');
    const joined = await alice.join({ boardId: 'b', stateVector: emptyVector() });
    expect(joined).toMatchObject({ ok: true });
    expect(core.loadedBoards).toBe(1);
    expect(await alice.update({ boardId: 'b', update: update('x', 1) })).toEqual({ ok: true });

    alice.close();
    await waitFor(() => core.loadedBoards === 0, 'unload after idle');
    const bob = core.connect('bob');
    const again = await bob.join({ boardId: 'b', stateVector: emptyVector() });
    if (!again.ok || !joined.ok) throw new Error('join failed');
    expect(shapesOf(again.update as Uint8Array)).toEqual({ x: 1 });
    expect(again.epoch).toBe(joined.epoch);
  });

  it('keeps a board loaded while someone is on it, and cancels the unload when someone comes back', async () => {
    const { core } = setup({ idleUnloadMs: 50 });
    const alice = core.connect('alice');
    await alice.join({ boardId: 'b', stateVector: emptyVector() });
    alice.close();
    const bob = core.connect('bob');
    await bob.join({ boardId: 'b', stateVector: emptyVector() });
    await sleep(120);
    expect(core.loadedBoards).toBe(1);
  });

  it('refuses a board the store cannot read with UNAVAILABLE, and serves other boards', async () => {
    const { core, store } = setup();
    store.markUnreadable('broken');
    const alice = core.connect('alice');
    expect(await alice.join({ boardId: 'broken', stateVector: emptyVector() })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    expect(await alice.join({ boardId: 'fine', stateVector: emptyVector() })).toMatchObject({ ok: true });
    expect(await alice.update({ boardId: 'broken', update: update('x', 1) })).toMatchObject({
      error: { code: 'NOT_JOINED' },
    });
  });

  it('on a storage failure answers the sender UNAVAILABLE on its connection, drops the board, reconnects the others, and loses nothing', async () => {
    const { core, store, outbox } = setup();
    const alice = core.connect('alice');
    const bob = core.connect('bob');
    await alice.join({ boardId: 'b', stateVector: emptyVector() });
    await bob.join({ boardId: 'b', stateVector: emptyVector() });
    expect(await alice.update({ boardId: 'b', update: update('kept', 1) })).toEqual({ ok: true });

    store.failAppends('b');
    const lost = update('notStored', 2);
    expect(await alice.update({ boardId: 'b', update: lost })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    // Alice was answered and keeps her connection; Bob, told nothing, is disconnected so he resyncs.
    expect(outbox.disconnected).toEqual(['bob']);
    expect(await alice.update({ boardId: 'b', update: lost })).toMatchObject({ error: { code: 'NOT_JOINED' } });
    bob.close();

    // The disk is back; alice rejoins on the same connection and her change is stored this time.
    store.healAppends('b');
    await waitFor(() => core.loadedBoards === 0, 'failed board unloaded');
    const rejoin = await alice.join({ boardId: 'b', stateVector: emptyVector() });
    if (!rejoin.ok) throw new Error('rejoin failed');
    expect(shapesOf(rejoin.update as Uint8Array)).toEqual({ kept: 1 });
    expect(await alice.update({ boardId: 'b', update: lost })).toEqual({ ok: true });
  });

  it('rate-limits updates per connection', async () => {
    const { core } = setup({ limits: { updatesPerSecond: 1, updateBurst: 3 } });
    const alice = core.connect('alice');
    await alice.join({ boardId: 'b', stateVector: emptyVector() });
    const acks = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => alice.update({ boardId: 'b', update: update(`k${i}`, i) })),
    );
    expect(acks.filter((ack) => ack.ok)).toHaveLength(3);
    expect(acks.filter((ack) => !ack.ok)).toEqual([
      { ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } },
      { ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } },
    ]);
  });

  it('lets a connection claim only a few awareness ids and drops them all when it leaves', async () => {
    const { core, outbox } = setup();
    const alice = core.connect('alice');
    const bob = core.connect('bob');
    await alice.join({ boardId: 'b', stateVector: emptyVector() });
    await bob.join({ boardId: 'b', stateVector: emptyVector() });
    const doc = new Y.Doc();
    for (let id = 1; id <= 10; id++) {
      doc.clientID = id;
      const awareness = new Awareness(doc);
      awareness.setLocalState({ n: id });
      alice.awareness({ boardId: 'b', update: encodeAwarenessUpdate(awareness, [id]) });
      awareness.destroy();
    }
    await presenceTick();
    expect(outbox.received('bob', 'awareness:update')).toHaveLength(1); // one tick, one message
    const view = new Awareness(new Y.Doc());
    for (const message of outbox.received('bob', 'awareness:update'))
      applyAwarenessUpdate(view, message.update, 'test');
    expect([...view.getStates().keys()].filter((id) => id <= 10).sort()).toEqual([1, 2, 3, 4]);

    alice.close();
    await presenceTick();
    const removal = outbox.received('bob', 'awareness:update').at(-1)!;
    applyAwarenessUpdate(view, removal.update, 'test');
    expect([...view.getStates().keys()].filter((id) => id <= 10)).toEqual([]);
    view.destroy();
  });

  it('flushes and unloads every board on close', async () => {
    const { core, store } = setup({ idleUnloadMs: 60_000 });
    const alice = core.connect('alice');
    await alice.join({ boardId: 'b', stateVector: emptyVector() });
    await alice.update({ boardId: 'b', update: update('x', 1) });
    await core.close();
    expect(core.loadedBoards).toBe(0);
    const reopened = await store.open('b');
    expect(reopened.doc.getMap('shapes').toJSON()).toEqual({ x: 1 });
  });
});
