import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { DESKTOP_APP_ORIGIN, PROTOCOL_VERSION } from '../shared/protocol';
import { connectRaw, type RawSocket, refusalOf, request } from '../tests/support/protocol-client';
import { tempDir } from '../tests/support/temp-dir';
import { sleep, waitFor } from '../tests/support/wait';
import { createRelay, RELAY_VERSION, type RelayHandle } from './relay';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayHandle;
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-relay-');
  relay = await createRelay({ port: 0, dataDir: dataDir.path, maxUpdateBytes: 256 * 1024 });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await relay.close();
  await dataDir.remove();
});

async function connect(auth?: Record<string, unknown>): Promise<RawSocket> {
  const socket = await connectRaw(relay.url, auth);
  sockets.push(socket);
  return socket;
}

interface JoinOk {
  ok: true;
  update: Uint8Array;
  stateVector: Uint8Array;
  epoch: string;
  role: string;
}
type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

const emptyStateVector = () => Y.encodeStateVector(new Y.Doc());
const join = (socket: RawSocket, boardId: unknown, stateVector: unknown = emptyStateVector()) =>
  request<JoinOk | Ack>(socket, 'board:join', { boardId, stateVector });
const send = (socket: RawSocket, boardId: unknown, update: unknown) =>
  request<Ack>(socket, 'board:update', { boardId, update });

/** An update that adds `count` shapes, made by a real Y.Doc. */
function shapesUpdate(count: number, prefix = 's'): Uint8Array {
  const doc = new Y.Doc();
  const shapes = doc.getMap('shapes');
  for (let i = 0; i < count; i++) shapes.set(`${prefix}${i}`, { type: 'rect', x: i, label: `shape ${i}` });
  return Y.encodeStateAsUpdate(doc);
}

/** What the relay holds for a board, as a late joiner would receive it. */
async function relayState(boardId: string): Promise<unknown> {
  const probe = await connect();
  const ack = (await join(probe, boardId)) as JoinOk;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(ack.update));
  probe.close();
  return doc.getMap('shapes').toJSON();
}

describe('relay over real sockets', () => {
  it('answers GET /healthz with its status', async () => {
    const socket = await connect();
    await join(socket, 'health');
    const response = await fetch(`${relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      version: RELAY_VERSION,
      protocol: PROTOCOL_VERSION,
      boards: 1,
      connections: 1,
    });
    expect((await fetch(`${relay.url}/nope`)).status).toBe(404);
  });

  it('joins with sync step 1/2 and relays updates to the others, acking the sender', async () => {
    const alice = await connect();
    const bob = await connect();
    const first = (await join(alice, 'b1')) as JoinOk;
    expect(first).toMatchObject({ ok: true, boardId: 'b1', role: 'editor' });
    expect(first.epoch).toMatch(/.+/);
    await join(bob, 'b1');

    const received: unknown[] = [];
    bob.on('board:update', (message: unknown) => received.push(message));
    const aliceEchoes: unknown[] = [];
    alice.on('board:update', (message: unknown) => aliceEchoes.push(message));
    const update = shapesUpdate(3);
    expect(await send(alice, 'b1', update)).toEqual({ ok: true });
    await waitFor(() => received.length === 1, 'bob receives the update');
    expect(new Uint8Array((received[0] as { update: ArrayBuffer }).update)).toEqual(update);
    expect(aliceEchoes).toEqual([]);

    // A rejoin with a state vector gets only what it lacks.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const again = (await join(bob, 'b1', Y.encodeStateVector(doc))) as JoinOk;
    expect(new Uint8Array(again.update)).toEqual(new Uint8Array([0, 0]));
    expect(again.epoch).toBe(first.epoch);
  });

  it('refuses a wrong protocol version and, with --token, a missing or wrong token', async () => {
    expect(await refusalOf(relay.url, { v: 2 })).toBe('PROTOCOL_MISMATCH');
    expect(await refusalOf(relay.url, {})).toBe('PROTOCOL_MISMATCH');
    await relay.close();
    relay = await createRelay({ port: 0, dataDir: dataDir.path, token: 'open sesame' });
    expect(await refusalOf(relay.url, { v: PROTOCOL_VERSION })).toBe('UNAUTHORIZED');
    expect(await refusalOf(relay.url, { v: PROTOCOL_VERSION, token: 'open sesam' })).toBe('UNAUTHORIZED');
    const socket = await connect({ v: PROTOCOL_VERSION, token: 'open sesame' });
    expect(await join(socket, 'tokened')).toMatchObject({ ok: true });
  });

  it('admits the host token next to the guest token and counts only guests', async () => {
    await relay.close();
    const counts: number[] = [];
    relay = await createRelay({
      port: 0,
      dataDir: dataDir.path,
      token: 'guest-token',
      hostToken: 'host-token',
      onGuestsChange: (guests) => counts.push(guests),
    });
    const host = await connect({ v: PROTOCOL_VERSION, token: 'host-token' });
    expect(await join(host, 'shared')).toMatchObject({ ok: true });
    expect(relay.guests).toBe(0);
    const guest = await connect({ v: PROTOCOL_VERSION, token: 'guest-token' });
    await waitFor(() => relay.guests === 1, 'the guest to be counted');
    expect(await refusalOf(relay.url, { v: PROTOCOL_VERSION, token: 'wrong' })).toBe('UNAUTHORIZED');
    guest.close();
    await waitFor(() => relay.guests === 0, 'the guest to leave');
    host.close();
    await waitFor(() => relay.core.connectionCount === 0, 'the host to leave');
    expect(counts).toEqual([1, 0]);
  });

  it('refuses browser connections from foreign origins', async () => {
    const status = async (origin: string) =>
      (await fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } })).status;
    expect(await status('http://evil.example')).toBe(403);
    expect(await status(relay.url)).toBe(200);
  });

  it('accepts sockets from the desktop app without --allow-origin, so it can join any relay', async () => {
    const status = async (origin: string) =>
      (await fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } })).status;
    expect(await status(DESKTOP_APP_ORIGIN)).toBe(200);
    expect(await status('app://elsewhere')).toBe(403);
  });

  describe('bad input', () => {
    let alice: RawSocket;
    let bystander: RawSocket;
    let bystanderReceived: number;

    beforeEach(async () => {
      alice = await connect();
      bystander = await connect();
      await join(alice, 'victim');
      await join(bystander, 'victim');
      await join(bystander, 'other');
      bystanderReceived = 0;
      bystander.on('board:update', () => bystanderReceived++);
      expect(await send(alice, 'victim', shapesUpdate(2, 'keep'))).toEqual({ ok: true });
      await waitFor(() => bystanderReceived === 1, 'bystander sees the first update');
    });

    /** The relay still serves everyone: the bystander writes and is acked. */
    async function relayStillServes(): Promise<void> {
      expect(await send(bystander, 'other', shapesUpdate(1, `alive${Math.random()}`))).toEqual({ ok: true });
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    }

    it('rejects missing, garbage, truncated, bit-flipped and empty updates with INVALID_UPDATE, changing nothing', async () => {
      const before = await relayState('victim');
      const good = shapesUpdate(5, 'new');
      const flipped = good.slice();
      flipped[0]! ^= 0x80; // the client count's varint now runs into the next byte
      const cases: Record<string, unknown> = {
        missing: undefined,
        'not binary': 'AAEC',
        number: 42,
        garbage: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03]),
        truncated: good.slice(0, Math.floor(good.length / 2)),
        'bit-flipped': flipped,
        empty: new Uint8Array(0),
      };
      for (const [name, update] of Object.entries(cases)) {
        const ack = await send(alice, 'victim', update);
        expect(ack, name).toMatchObject({ ok: false, error: { code: 'INVALID_UPDATE' } });
      }
      expect(await relayState('victim')).toEqual(before);
      expect(bystanderReceived).toBe(1);
      await relayStillServes();
    });

    it('never half-applies a randomly bit-flipped update', async () => {
      const good = shapesUpdate(4, 'fuzz');
      let rejected = 0;
      for (let trial = 0; trial < 60; trial++) {
        const mangled = good.slice();
        const bit = (trial * 7919) % (mangled.length * 8);
        mangled[bit >> 3]! ^= 1 << (bit & 7);
        const before = await relayState('victim');
        const ack = await send(alice, 'victim', mangled);
        if (!ack.ok) {
          rejected++;
          expect(ack.error.code).toBe('INVALID_UPDATE');
          expect(await relayState('victim')).toEqual(before);
        }
      }
      expect(rejected).toBeGreaterThan(0);
      await relayStillServes();
    });

    it('rejects bad board ids with BAD_REQUEST', async () => {
      for (const boardId of ['../x', '', 'x'.repeat(65), 42, null, 'a/b', 'a b', undefined]) {
        expect(await join(alice, boardId), String(boardId)).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
        expect(await send(alice, boardId, shapesUpdate(1)), String(boardId)).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
      }
      expect(await request(alice, 'board:join', 'not an object')).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      expect(await join(alice, 'x'.repeat(64))).toMatchObject({ ok: true });
      await relayStillServes();
    });

    it('answers an update before join with NOT_JOINED, and a leave of an unjoined board too', async () => {
      expect(await send(alice, 'never-joined', shapesUpdate(1))).toMatchObject({
        ok: false,
        error: { code: 'NOT_JOINED' },
      });
      expect(await request(alice, 'board:leave', { boardId: 'never-joined' })).toMatchObject({
        error: { code: 'NOT_JOINED' },
      });
      expect(await request(alice, 'board:leave', { boardId: 'victim' })).toEqual({ ok: true });
      expect(await send(alice, 'victim', shapesUpdate(1))).toMatchObject({ error: { code: 'NOT_JOINED' } });
    });

    it('rejects an oversized update with TOO_LARGE, and closes a socket that sends a frame past the buffer limit', async () => {
      const big = new Uint8Array(300 * 1024).fill(7);
      expect(await send(alice, 'victim', big)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });

      const huge = new Uint8Array(2 * 1024 * 1024);
      const disconnected = new Promise((resolve) => alice.once('disconnect', resolve));
      alice.emit('board:update', { boardId: 'victim', update: huge }, () => undefined);
      await disconnected;
      await relayStillServes();
    });

    it('ignores unknown events and junk awareness, and lets a socket set only its own presence', async () => {
      const presence: Uint8Array[] = [];
      bystander.on('awareness:update', (message: { update: ArrayBuffer }) =>
        presence.push(new Uint8Array(message.update)),
      );
      alice.emit('no:such:event', { boardId: 'victim' });
      alice.emit('awareness:update', { boardId: 'victim', update: new Uint8Array([9, 9, 9]) });
      alice.emit('awareness:update', { boardId: 'victim', update: 'junk' });
      alice.emit('awareness:update', null);

      // Bystander claims client id 1234; Alice may not overwrite it.
      const bystanderDoc = new Y.Doc();
      bystanderDoc.clientID = 1234;
      const bystanderAwareness = new Awareness(bystanderDoc);
      bystanderAwareness.setLocalState({ name: 'Bystander' });
      bystander.emit('awareness:update', {
        boardId: 'victim',
        update: encodeAwarenessUpdate(bystanderAwareness, [1234]),
      });
      const impostor = new Awareness(bystanderDoc);
      impostor.setLocalState({ name: 'Impostor' });
      impostor.setLocalState({ name: 'Impostor again' }); // a higher clock than the real one
      const aliceSaw: Uint8Array[] = [];
      alice.on('awareness:update', (message: { update: ArrayBuffer }) => aliceSaw.push(new Uint8Array(message.update)));
      await waitFor(() => aliceSaw.length === 1, "Alice sees the bystander's presence");
      alice.emit('awareness:update', { boardId: 'victim', update: encodeAwarenessUpdate(impostor, [1234]) });
      await sleep(200);
      expect(presence).toEqual([]);

      const observer = new Awareness(new Y.Doc());
      const late = await connect();
      late.on('awareness:update', (message: { update: ArrayBuffer }) => {
        applyAwarenessUpdate(observer, new Uint8Array(message.update), 'relay');
      });
      await join(late, 'victim');
      await waitFor(() => observer.getStates().has(1234), 'late joiner receives the present states');
      expect(observer.getStates().get(1234)).toEqual({ name: 'Bystander' });
      await relayStillServes();
      for (const a of [bystanderAwareness, impostor, observer]) a.destroy();
    });
  });

  it('refuses a board whose files are corrupt with UNAVAILABLE, leaves its files as they were, and serves other boards', async () => {
    const writer = await connect();
    await join(writer, 'corrupt');
    expect(await send(writer, 'corrupt', shapesUpdate(3))).toEqual({ ok: true });
    await relay.close();

    const boardDir = path.join(dataDir.path, 'boards', 'corrupt');
    const logName = (await readdir(boardDir)).find((name) => name.startsWith('log-'))!;
    const logPath = path.join(boardDir, logName);
    const log = await readFile(logPath);
    log[log.length - 40]! ^= 0xff; // inside a record's payload, with more records after it
    await writeFile(logPath, log);
    await writeFile(path.join(boardDir, 'meta.json'), '{"format":1,"epoch":');
    const fingerprint = async () =>
      Promise.all(
        (await readdir(boardDir)).sort().map(async (name) => {
          const file = path.join(boardDir, name);
          return { name, bytes: (await readFile(file)).toString('base64'), mtimeMs: (await stat(file)).mtimeMs };
        }),
      );
    const before = await fingerprint();

    relay = await createRelay({ port: 0, dataDir: dataDir.path });
    const reader = await connect();
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await join(reader, 'corrupt')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    }
    expect(await fingerprint()).toEqual(before);
    expect(await join(reader, 'healthy')).toMatchObject({ ok: true });
    expect(await send(reader, 'healthy', shapesUpdate(1))).toEqual({ ok: true });
  });

  it('removes a leaving socket’s presence at once', async () => {
    const alice = await connect();
    const bob = await connect();
    await join(alice, 'presence');
    await join(bob, 'presence');
    const bobAwareness = new Awareness(new Y.Doc());
    bobAwareness.setLocalState({ name: 'Bob' });
    const aliceView = new Awareness(new Y.Doc());
    alice.on('awareness:update', (message: { update: ArrayBuffer }) =>
      applyAwarenessUpdate(aliceView, new Uint8Array(message.update), 'relay'),
    );
    bob.emit('awareness:update', {
      boardId: 'presence',
      update: encodeAwarenessUpdate(bobAwareness, [bobAwareness.clientID]),
    });
    await waitFor(() => aliceView.getStates().has(bobAwareness.clientID), 'Alice sees Bob');
    expect(await request(bob, 'board:leave', { boardId: 'presence' })).toEqual({ ok: true });
    await waitFor(() => !aliceView.getStates().has(bobAwareness.clientID), 'Bob gone after leave', 500);
    bobAwareness.destroy();
    aliceView.destroy();
  });
});
