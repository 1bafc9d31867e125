import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRelay, type RelayHandle } from '../../server/relay';
import { tempDir } from '../../tests/support/temp-dir';
import { sleep, waitFor } from '../../tests/support/wait';
import type { BoardStatus, BoardSync } from './board-sync';
import { SyncClient, type SyncClientOptions } from './sync-client';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayHandle;
const clients: SyncClient[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-sync-');
  relay = await createRelay({ port: 0, dataDir: dataDir.path });
});

const awarenessToDestroy: Awareness[] = [];
/** Awareness runs a timer until destroyed. */
const cleanupAwareness = (...list: Awareness[]) => awarenessToDestroy.push(...list);

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const awareness of awarenessToDestroy.splice(0)) awareness.destroy();
  await relay.close();
  await dataDir.remove();
});

function client(options: Partial<SyncClientOptions> = {}): SyncClient {
  const created = new SyncClient({ url: relay.url, ...options });
  clients.push(created);
  return created;
}

function openBoard(syncClient: SyncClient, boardId: string, options: Parameters<SyncClient['open']>[2] = {}) {
  const doc = new Y.Doc();
  const board = syncClient.open(boardId, doc, options);
  const statuses: BoardStatus[] = [board.status];
  board.events.on('status', (status) => statuses.push(status));
  return { doc, board, statuses };
}

const shapes = (doc: Y.Doc) => doc.getMap<unknown>('shapes');
const settled = (boards: BoardSync[]) => boards.every((b) => b.status === 'synced' && b.pendingCount === 0);
/** The board's content with map keys sorted: Y.Map iteration order differs between peers. */
const canonical = (doc: Y.Doc) =>
  JSON.stringify({ shapes: shapes(doc).toJSON(), meta: doc.getMap('meta').toJSON() }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
const sameState = (docs: Y.Doc[]) => docs.every((doc) => canonical(doc) === canonical(docs[0]!));

/** Cuts the client's TCP connection without a close handshake, as a dropped network would. */
function cutConnection(syncClient: SyncClient): void {
  const engine = syncClient.rawSocket.io.engine as unknown as { transport: { ws?: { _socket?: { destroy(): void } } } };
  const socket = engine.transport.ws?._socket;
  if (!socket) throw new Error('expected a WebSocket transport with a TCP socket');
  socket.destroy();
}

describe('SyncClient against a real relay', () => {
  it('three clients making concurrent random edits end with identical documents', async () => {
    const peers = [0, 1, 2].map((i) => openBoard(client({ name: `peer${i}` }), 'convergence'));
    await waitFor(() => settled(peers.map((p) => p.board)), 'all peers synced');

    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      for (const [index, { doc }] of peers.entries()) {
        const action = random();
        const key = `s${Math.floor(random() * 30)}`;
        if (action < 0.5) shapes(doc).set(key, { by: index, round, x: Math.round(random() * 1000) });
        else if (action < 0.7) shapes(doc).delete(key);
        else if (action < 0.9) doc.getMap('meta').set('name', `board ${index}:${round}`);
        else doc.getMap('meta').set(`peer${index}`, round);
      }
      if (round % 7 === 0) await sleep(random() * 10);
    }

    await waitFor(
      () => settled(peers.map((p) => p.board)) && sameState(peers.map((p) => p.doc)),
      'convergence',
      10_000,
    );
    expect(peers[0]!.doc.getMap('meta').size).toBeGreaterThan(0);
    for (const { doc } of peers) expect(canonical(doc)).toBe(canonical(peers[0]!.doc));
  });

  it('reports status and pending changes, and counts a change as saved only once acknowledged', async () => {
    const a = openBoard(client(), 'status');
    await waitFor(() => a.board.status === 'synced', 'synced');
    expect(a.statuses).toEqual(['connecting', 'syncing', 'synced']);

    const pendingSeen: number[] = [];
    a.board.events.on('pending', (count) => pendingSeen.push(count));
    shapes(a.doc).set('r1', { type: 'rect' });
    expect(a.board.pendingCount).toBe(1);
    await waitFor(() => a.board.pendingCount === 0, 'ack');
    expect(pendingSeen).toEqual([1, 0]);
  });

  it('counts content the relay lacks from before this session (a stored copy) as pending until it is acknowledged', async () => {
    const doc = new Y.Doc();
    // As if loaded from this device's store before the join: not a change BoardSync saw being made.
    shapes(doc).set('kept', { type: 'rect' });
    const pendingSeen: number[] = [];
    const board = client().open('restored', doc);
    board.events.on('pending', (count) => pendingSeen.push(count));
    await waitFor(() => board.status === 'synced', 'synced');
    expect(board.pendingCount === 1 || pendingSeen.includes(1)).toBe(true);
    await waitFor(() => board.pendingCount === 0, 'ack');
    expect(pendingSeen).toEqual([1, 0]);

    const fresh = openBoard(client(), 'restored');
    await waitFor(() => shapes(fresh.doc).has('kept'), 'the restored shape reached the relay');
  });

  it('merges edits made while disconnected with edits made meanwhile, sending only the missing part', async () => {
    const alice = client({ reconnectMinMs: 600, reconnectMaxMs: 600 });
    const a = openBoard(alice, 'offline');
    const b = openBoard(client(), 'offline');
    await waitFor(() => settled([a.board, b.board]), 'both synced');
    for (let i = 0; i < 200; i++) shapes(a.doc).set(`before${i}`, { i, label: 'x'.repeat(40) });
    await waitFor(() => settled([a.board, b.board]) && shapes(b.doc).size === 200, 'initial content everywhere');
    const fullStateBytes = Y.encodeStateAsUpdate(a.doc).byteLength;

    const sentBytes: number[] = [];
    const emit = alice.rawSocket.emit.bind(alice.rawSocket);
    alice.rawSocket.emit = ((event: string, ...args: unknown[]) => {
      const payload = args[0] as { update?: Uint8Array } | undefined;
      if (event === 'board:update' && payload?.update) sentBytes.push(payload.update.byteLength);
      return (emit as (event: string, ...rest: unknown[]) => unknown)(event, ...args);
    }) as typeof alice.rawSocket.emit;

    cutConnection(alice);
    await waitFor(() => a.board.status === 'offline', 'alice offline');
    shapes(a.doc).set('offlineA', { by: 'alice' });
    shapes(a.doc).delete('before0');
    shapes(b.doc).set('onlineB', { by: 'bob' });
    expect(a.board.pendingCount).toBe(2);
    expect(sentBytes).toEqual([]);

    await waitFor(() => settled([a.board, b.board]) && sameState([a.doc, b.doc]), 'convergence after reconnect', 5_000);
    expect(shapes(b.doc).get('offlineA')).toEqual({ by: 'alice' });
    expect(shapes(a.doc).get('onlineB')).toEqual({ by: 'bob' });
    expect(shapes(b.doc).has('before0')).toBe(false);
    // One resync update carrying only what the relay lacked, far smaller than the whole board.
    expect(sentBytes.length).toBe(1);
    expect(sentBytes[0]!).toBeLessThan(fullStateBytes / 10);
  });

  it('converges across a relay restart on the same data dir, keeping everything from before and during the outage', async () => {
    const a = openBoard(client({ reconnectMinMs: 50, reconnectMaxMs: 200 }), 'restart');
    const b = openBoard(client({ reconnectMinMs: 50, reconnectMaxMs: 200 }), 'restart');
    await waitFor(() => settled([a.board, b.board]), 'both synced');
    shapes(a.doc).set('beforeA', 1);
    shapes(b.doc).set('beforeB', 2);
    await waitFor(() => settled([a.board, b.board]), 'acked before restart');

    const port = relay.port;
    await relay.close();
    await waitFor(() => a.board.status === 'offline' && b.board.status === 'offline', 'both offline');
    shapes(a.doc).set('duringA', 3);
    shapes(b.doc).set('duringB', 4);
    await sleep(300);
    expect(a.board.pendingCount).toBe(1);

    relay = await createRelay({ port, dataDir: dataDir.path });
    await waitFor(() => settled([a.board, b.board]) && sameState([a.doc, b.doc]), 'convergence after restart', 10_000);
    expect(shapes(a.doc).toJSON()).toEqual({ beforeA: 1, beforeB: 2, duringA: 3, duringB: 4 });

    // And the relay really stored it: a newcomer gets everything.
    const c = openBoard(client(), 'restart');
    await waitFor(() => c.board.status === 'synced' && shapes(c.doc).size === 4, 'newcomer loaded the board');
  });

  it("drops a peer's presence within 1 s of its connection dying", async () => {
    const aliceAwareness = new Awareness(new Y.Doc());
    const bobDoc = new Y.Doc();
    const bobAwareness = new Awareness(bobDoc);
    const a = openBoard(client(), 'presence', { awareness: aliceAwareness });
    const bob = client({ reconnectMinMs: 60_000, reconnectMaxMs: 60_000 });
    bob.open('presence', bobDoc, { awareness: bobAwareness });
    bobAwareness.setLocalState({ name: 'Bob', cursor: { x: 10, y: 20 } });
    await waitFor(
      () => aliceAwareness.getStates().get(bobAwareness.clientID)?.name === 'Bob',
      "Bob's presence at Alice",
    );
    expect(a.board.status).toBe('synced');

    cutConnection(bob);
    const elapsed = await waitFor(() => !aliceAwareness.getStates().has(bobAwareness.clientID), 'presence gone', 1_000);
    expect(elapsed).toBeLessThan(1_000);
    aliceAwareness.destroy();
    bobAwareness.destroy();
  });

  it("brings everyone's presence back after a relay restart, though nobody changed it meanwhile", async () => {
    const fast = { reconnectMinMs: 50, reconnectMaxMs: 200 };
    const aliceAwareness = new Awareness(new Y.Doc());
    const bobAwareness = new Awareness(new Y.Doc());
    cleanupAwareness(aliceAwareness, bobAwareness);
    const a = openBoard(client(fast), 'presence-restart', { awareness: aliceAwareness });
    const b = openBoard(client(fast), 'presence-restart', { awareness: bobAwareness });
    aliceAwareness.setLocalState({ name: 'Alice' });
    bobAwareness.setLocalState({ name: 'Bob' });
    const seeEachOther = () =>
      aliceAwareness.getStates().get(bobAwareness.clientID)?.name === 'Bob' &&
      bobAwareness.getStates().get(aliceAwareness.clientID)?.name === 'Alice';
    await waitFor(seeEachOther, 'both present');

    const port = relay.port;
    await relay.close();
    await waitFor(() => !aliceAwareness.getStates().has(bobAwareness.clientID), 'stale presence dropped');
    relay = await createRelay({ port, dataDir: dataDir.path });
    await waitFor(() => settled([a.board, b.board]), 'both rejoined', 10_000);
    // Awareness renews an unchanged state only every 15 s; the rejoin itself must bring it back.
    await waitFor(seeEachOther, 'both present again', 1_000);
  });

  it('shows a client that dropped and came back to those who stayed, though its state did not change', async () => {
    const aliceAwareness = new Awareness(new Y.Doc());
    const bobAwareness = new Awareness(new Y.Doc());
    cleanupAwareness(aliceAwareness, bobAwareness);
    openBoard(client(), 'presence-rejoin', { awareness: aliceAwareness });
    // Back after half a second: soon enough, yet after the relay's presence tick (33 ms) has told Alice he left.
    const bobClient = client({ reconnectMinMs: 500, reconnectMaxMs: 500 });
    const bob = openBoard(bobClient, 'presence-rejoin', { awareness: bobAwareness });
    bobAwareness.setLocalState({ name: 'Bob' });
    const aliceSeesBob = () => aliceAwareness.getStates().get(bobAwareness.clientID)?.name === 'Bob';
    await waitFor(aliceSeesBob, "Bob's presence at Alice");

    cutConnection(bobClient);
    await waitFor(() => !aliceSeesBob(), "Bob's presence dropped");
    await waitFor(() => settled([bob.board]), 'Bob rejoined', 10_000);
    await waitFor(aliceSeesBob, "Bob's presence back at Alice", 1_000);
  });

  it('does not merge a board whose epoch changed on the relay, and reports it', async () => {
    const writer = openBoard(client(), 'epoch');
    shapes(writer.doc).set('relayShape', 1);
    await waitFor(() => settled([writer.board]), 'writer synced');
    const epoch = writer.board.epoch;
    expect(epoch).toMatch(/.+/);

    const stale = new Y.Doc();
    shapes(stale).set('localOnly', 2);
    const board = client().open('epoch', stale, { knownEpoch: 'an-epoch-from-another-relay' });
    const mismatches: unknown[] = [];
    board.events.on('epoch-mismatch', (m) => mismatches.push(m));
    await waitFor(() => mismatches.length === 1, 'epoch mismatch reported');
    expect(mismatches[0]).toEqual({ known: 'an-epoch-from-another-relay', relay: epoch });
    expect(board.status).toBe('offline');
    await sleep(200);
    expect(shapes(stale).toJSON()).toEqual({ localOnly: 2 });
    expect(shapes(writer.doc).has('localOnly')).toBe(false);
  });

  it('keeps the same epoch for a board across relay restarts', async () => {
    const first = openBoard(client(), 'stable-epoch');
    await waitFor(() => first.board.status === 'synced', 'synced');
    const epoch = first.board.epoch;
    const port = relay.port;
    await relay.close();
    relay = await createRelay({ port, dataDir: dataDir.path });
    const again = client().open('stable-epoch', new Y.Doc(), { knownEpoch: epoch });
    await waitFor(() => again.status === 'synced', 'synced with the known epoch');
    expect(again.epochMismatch).toBeNull();
  });

  it('stops retrying when the relay refuses the token, and says why', async () => {
    const port = relay.port;
    await relay.close();
    relay = await createRelay({ port, dataDir: dataDir.path, token: 'sesame' });
    const wrong = client({ token: 'wrong' });
    await waitFor(() => wrong.status.refused, 'refusal');
    expect(wrong.status).toMatchObject({ state: 'offline', lastError: 'UNAUTHORIZED', nextRetryAt: null });

    const right = client({ token: 'sesame' });
    const board = right.open('tokened', new Y.Doc());
    await waitFor(() => board.status === 'synced', 'synced with the right token');
  });

  it('schedules reconnects with a visible next retry time, and retryNow skips the wait', async () => {
    const port = relay.port;
    await relay.close();
    const patient = client({ reconnectMinMs: 30_000, reconnectMaxMs: 30_000 });
    await waitFor(() => patient.status.nextRetryAt !== null, 'a scheduled retry');
    expect(patient.status.state).toBe('offline');
    expect(patient.status.nextRetryAt! - Date.now()).toBeGreaterThan(10_000);

    relay = await createRelay({ port, dataDir: dataDir.path });
    patient.retryNow();
    await waitFor(() => patient.status.state === 'connected', 'connected after retryNow', 3_000);
  });

  it('says why the relay refused to store a change (a full board), keeps it unsaved, and forgets the reason once nothing waits', async () => {
    const port = relay.port;
    await relay.close();
    relay = await createRelay({ port, dataDir: dataDir.path, maxBoardBytes: 64 * 1024 });
    const { doc, board } = openBoard(client(), 'full');
    await waitFor(() => board.status === 'synced', 'synced');
    const rejections: unknown[] = [];
    board.events.on('rejection', (rejection) => rejections.push(rejection));
    const page = 'x'.repeat(30_000);
    for (let i = 0; i < 4 && !board.rejection; i++) {
      shapes(doc).set(`page-${i}`, { text: page });
      await waitFor(() => board.pendingCount === 0 || board.rejection !== null, `page ${i} stored or refused`);
    }
    expect(board.rejection).toMatchObject({ code: 'TOO_LARGE' });
    expect(board.pendingCount).toBeGreaterThan(0);
    expect(rejections).toHaveLength(1);

    // Deleting still works, but the refused addition still waits: the reason stays.
    shapes(doc).delete('page-0');
    await sleep(300);
    expect(board.rejection).toMatchObject({ code: 'TOO_LARGE' });
    // The refused page removed again: the next rejoin has nothing the relay refuses, and nothing waits.
    for (const key of [...shapes(doc).keys()]) shapes(doc).delete(key);
    const port2 = relay.port;
    await relay.close();
    relay = await createRelay({ port: port2, dataDir: dataDir.path });
    await waitFor(() => board.status === 'synced' && board.pendingCount === 0, 'everything stored after the rejoin');
    expect(board.rejection).toBeNull();
  });
});

describe('SyncClient moving to another relay', () => {
  it('keeps the board open and sends everything, unsent edits included, to the relay at its new address', async () => {
    const mover = client();
    const { doc, board } = openBoard(mover, 'moving');
    shapes(doc).set('before', { x: 1 });
    await waitFor(() => settled([board]), 'synced on the first address');

    // The desktop app's relay restarts on another port, on the same data.
    await relay.close();
    shapes(doc).set('while-moving', { x: 2 });
    relay = await createRelay({ port: 0, dataDir: dataDir.path });
    mover.moveTo(relay.url);
    shapes(doc).set('after', { x: 3 });
    await waitFor(() => settled([board]) && mover.status.state === 'connected', 'synced on the new address');

    const { doc: read, board: readBoard } = openBoard(client(), 'moving');
    await waitFor(() => settled([readBoard]), 'reader synced');
    expect([...shapes(read).keys()].sort()).toEqual(['after', 'before', 'while-moving']);
    mover.moveTo(relay.url); // the same place: nothing to do
    expect(mover.status.state).toBe('connected');
  });
});
