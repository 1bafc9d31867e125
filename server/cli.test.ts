import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectRaw, type RawSocket, refusalOf, request } from '../tests/support/protocol-client';
import { type RelayProcess, runRelayCli, startRelayProcess } from '../tests/support/relay-process';
import { tempDir } from '../tests/support/temp-dir';
import { waitFor } from '../tests/support/wait';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
const processes: RelayProcess[] = [];
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-cli-');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const relay of processes.splice(0)) await relay.stop(2_000);
  await dataDir.remove();
});

async function start(extra: string[] = []): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, ...extra]);
  processes.push(relay);
  return relay;
}

async function connect(url: string): Promise<RawSocket> {
  const socket = await connectRaw(url);
  sockets.push(socket);
  return socket;
}

interface JoinOk {
  ok: true;
  update: ArrayBuffer;
  epoch: string;
}

/** Joins and returns the board's shapes as the relay has them, plus its epoch. */
async function load(url: string, boardId: string) {
  const socket = await connect(url);
  const ack = await request<JoinOk>(socket, 'board:join', { boardId, stateVector: Y.encodeStateVector(new Y.Doc()) });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(ack.update));
  socket.close();
  return { shapes: doc.getMap('shapes').toJSON(), epoch: ack.epoch };
}

describe('npm run relay (server/cli.ts)', () => {
  it('prints usage and exits 2 on bad flags, 0 on --help', async () => {
    const bad = await runRelayCli(['--port', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port: expected 0-65535/);
    expect(bad.stderr).toMatch(/Usage: npm run relay/);
    const unknown = await runRelayCli(['--frobnicate']);
    expect(unknown.code).toBe(2);
    const help = await runRelayCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--data-dir DIR/);
  });

  it('prints its URL once listening, logs connects and disconnects, and exits 0 after flushing on SIGTERM', async () => {
    const relay = await start();
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const socket = await connect(relay.url);
    const doc = new Y.Doc();
    doc.getMap('shapes').set('a', 1);
    await request(socket, 'board:join', { boardId: 'term', stateVector: new Uint8Array([0]) });
    expect(await request(socket, 'board:update', { boardId: 'term', update: Y.encodeStateAsUpdate(doc) })).toEqual({
      ok: true,
    });
    socket.close();
    await waitFor(() => relay.stdout().includes('"msg":"disconnect"'), 'disconnect log line');
    const lines = relay
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['relay started', 'connect', 'disconnect']));

    expect(await relay.stop()).toBe(0);
    expect(relay.stdout()).toMatch(/"msg":"stopped"/);
    const again = await start();
    expect((await load(again.url, 'term')).shapes).toEqual({ a: 1 });
  });

  it('takes its settings from the environment when no flags are given', async () => {
    const relay = await startRelayProcess([], {
      env: { PORT: '0', DATA_DIR: dataDir.path, RELAY_TOKEN: 'from-env', LOG_LEVEL: 'warn' },
    });
    processes.push(relay);
    expect(await refusalOf(relay.url, { v: 1 })).toBe('UNAUTHORIZED');
    const socket = await connectRaw(relay.url, { v: 1, token: 'from-env' });
    sockets.push(socket);
    await request(socket, 'board:join', { boardId: 'env', stateVector: new Uint8Array([0]) });
    expect(await readdir(path.join(dataDir.path, 'boards'))).toEqual(['env']);
    expect(relay.stdout()).not.toMatch(/"msg":"connect"/); // LOG_LEVEL=warn
  });

  it('keeps every acknowledged update across SIGKILL, cuts a torn log tail, and keeps the epoch', async () => {
    const relay = await start();
    const writer = await connect(relay.url);
    const joined = await request<JoinOk>(writer, 'board:join', { boardId: 'crash', stateVector: new Uint8Array([0]) });

    // Stream updates without waiting; kill the relay the moment the 150th ack arrives.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 400; i++) doc.getMap('shapes').set(`k${i}`, i);
    const acked = new Set<number>();
    await new Promise<void>((resolve) => {
      updates.forEach((update, index) => {
        writer.emit('board:update', { boardId: 'crash', update }, (ack: { ok: boolean }) => {
          if (!ack.ok) return;
          acked.add(index);
          if (acked.size === 150) {
            relay.child.kill('SIGKILL');
            resolve();
          }
        });
      });
    });
    expect(await relay.exited).toBe('SIGKILL');

    const restarted = await start();
    const after = await load(restarted.url, 'crash');
    for (const index of acked) expect(after.shapes[`k${index}`], `acked update ${index}`).toBe(index);
    expect(after.epoch).toBe(joined.epoch);
    await restarted.stop();

    // A record torn half-way through its write: a length that runs past the end.
    const boardDir = path.join(dataDir.path, 'boards', 'crash');
    const logName = (await readdir(boardDir))
      .filter((name) => name.startsWith('log-'))
      .sort()
      .at(-1)!;
    const logPath = path.join(boardDir, logName);
    const goodSize = (await stat(logPath)).size;
    const torn = Buffer.alloc(8 + 10);
    torn.writeUInt32LE(500, 0);
    await appendFile(logPath, torn);

    const recovered = await start();
    const loaded = await load(recovered.url, 'crash');
    expect(loaded.shapes).toEqual(after.shapes);
    expect(loaded.epoch).toBe(joined.epoch);
    expect((await stat(logPath)).size).toBe(goodSize);
    expect(recovered.stdout()).toMatch(/torn-tail-cut/);
    expect((await readFile(logPath)).byteLength).toBe(goodSize);
  });
});
