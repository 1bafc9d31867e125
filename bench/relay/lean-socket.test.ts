import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createRelay, type RelayHandle } from '../../server/relay';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { decodePacket, encodeEvent, engineUrl, reconstruct } from './lean-codec';
import { LeanSocket, type LeanSocketHandlers } from './lean-socket';

const BOARD = 'lean-test';
let dataDir: string;
let relay: RelayHandle;
const cleanups: (() => void)[] = [];

async function startRelay(options: { pingIntervalMs?: number; pingTimeoutMs?: number } = {}): Promise<void> {
  relay = await createRelay({ port: 0, dataDir, ...options });
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'easel-lean-socket-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await relay?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A lean socket whose received updates (copied) and closes are recorded. */
async function lean(auth: Record<string, unknown> = { v: PROTOCOL_VERSION }) {
  const updates: { boardId: string; update: Uint8Array }[] = [];
  const closes: string[] = [];
  const handlers: LeanSocketHandlers = {
    update: (boardId, update) => updates.push({ boardId, update: new Uint8Array(update) }),
    closed: (reason) => closes.push(reason),
  };
  const socket = await LeanSocket.connect(relay.url, auth, handlers, 5_000);
  cleanups.push(() => socket.close());
  return { socket, updates, closes };
}

function plainClient(): Promise<Socket> {
  const socket = io(relay.url, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION }, forceNew: true });
  cleanups.push(() => socket.close());
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const stateVector = () => Y.encodeStateVector(new Y.Doc());

/** A real one-struct edit, as the benchmark makes them. */
function edit(): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on('update', (bytes: Uint8Array) => (update = bytes));
  doc.getMap('shapes').set(String(doc.clientID), [1, 2]);
  return update!;
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('LeanSocket against a real relay', () => {
  it('connects, joins, sends an acked update that lean and socket.io-client receivers get byte-identical', async () => {
    await startRelay();
    const sender = await lean();
    const receiver = await lean();
    const plain = await plainClient();
    const plainUpdates: Uint8Array[] = [];
    plain.on('board:update', (message: { boardId: string; update: Uint8Array }) => {
      if (message.boardId === BOARD) plainUpdates.push(new Uint8Array(message.update));
    });

    for (const client of [sender, receiver]) {
      const ack = (await client.socket.request(
        'board:join',
        { boardId: BOARD, stateVector: stateVector() },
        5_000,
      )) as {
        ok: boolean;
        update: unknown;
        stateVector: unknown;
      };
      expect(ack.ok).toBe(true);
      expect(ack.update).toBeInstanceOf(Uint8Array);
      expect(ack.stateVector).toBeInstanceOf(Uint8Array);
    }
    expect(
      await plain.timeout(5_000).emitWithAck('board:join', { boardId: BOARD, stateVector: stateVector() }),
    ).toMatchObject({ ok: true });

    // Twice: the first receipt goes through the full decoder, the second through the memo fast path.
    const sent = [edit(), edit()];
    for (const update of sent) {
      expect(await sender.socket.request('board:update', { boardId: BOARD, update }, 5_000)).toEqual({ ok: true });
    }
    await until(() => receiver.updates.length >= 2 && plainUpdates.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.updates).toEqual(sent.map((update) => ({ boardId: BOARD, update })));
    expect(plainUpdates).toEqual(sent);
    expect(receiver.socket.memoHits).toBe(1);
    expect(sender.updates).toEqual([]);
    expect([sender.closes, receiver.closes]).toEqual([[], []]);

    // And the other way: socket.io-client sends, the lean socket receives.
    const fromPlain = edit();
    expect(await plain.timeout(5_000).emitWithAck('board:update', { boardId: BOARD, update: fromPlain })).toEqual({
      ok: true,
    });
    await until(() => receiver.updates.length === 3);
    expect(receiver.updates[2]!.update).toEqual(fromPlain);
  });

  it('answers the server pings, so a short heartbeat keeps it connected', async () => {
    await startRelay({ pingIntervalMs: 200, pingTimeoutMs: 200 });
    const client = await lean();
    // Control: a WebSocket that connects but never pongs is dropped within that second.
    const silent = new WebSocket(engineUrl(relay.url));
    cleanups.push(() => silent.terminate());
    silent.on('message', (data: Buffer) => {
      if (data.toString().startsWith('0')) silent.send('40{"v":1}');
    });
    let silentClosedAt = NaN;
    const opened = Date.now();
    silent.on('close', () => (silentClosedAt = Date.now() - opened));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(silentClosedAt).toBeLessThan(1_000);
    expect(client.closes).toEqual([]);
    const ack = await client.socket.request('board:join', { boardId: BOARD, stateVector: stateVector() }, 5_000);
    expect(ack).toMatchObject({ ok: true });
    expect(relay.core.connectionCount).toBe(1);
  });

  it('fails loudly on connect_error', async () => {
    await startRelay();
    await expect(lean({ v: 999 })).rejects.toThrow(/connect_error PROTOCOL_MISMATCH/);
  });

  it('reports a server-side disconnect through closed()', async () => {
    await startRelay();
    const client = await lean();
    await relay.close();
    await until(() => client.closes.length > 0);
    expect(client.closes).toHaveLength(1);
  });
});

describe('lean codec', () => {
  it('encodes like socket.io-parser', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(encodeEvent('board:update', { boardId: 'b', update: bytes }, 7)).toEqual({
      text: '451-7["board:update",{"boardId":"b","update":{"_placeholder":true,"num":0}}]',
      binary: [bytes],
    });
    expect(encodeEvent('x', { a: 1 }, -1).text).toBe('42["x",{"a":1}]');
  });

  it('decodes ids, attachments and refuses what it does not know', () => {
    expect(decodePacket('312[{"ok":true}]')).toEqual({ type: 3, attachments: 0, id: 12, data: [{ ok: true }] });
    const joinAck = decodePacket('62-0[{"update":{"_placeholder":true,"num":0},"sv":{"_placeholder":true,"num":1}}]');
    expect(joinAck).toMatchObject({ type: 6, attachments: 2, id: 0 });
    const parts = [new Uint8Array([9]), new Uint8Array([8])];
    expect(reconstruct(joinAck.data, parts)).toEqual([{ update: parts[0], sv: parts[1] }]);
    expect(() => reconstruct(joinAck.data, [...parts, new Uint8Array()])).toThrow(/without a placeholder/);
    expect(() => decodePacket('2/admin,["x"]')).toThrow(/namespace/);
    expect(() => decodePacket('5-["x"]')).toThrow(/attachment/);
    expect(() => decodePacket('9')).toThrow(/unknown packet type/);
  });

  it('builds the Engine.IO WebSocket URL', () => {
    expect(engineUrl('http://127.0.0.1:4455')).toBe('ws://127.0.0.1:4455/socket.io/?EIO=4&transport=websocket');
  });
});
