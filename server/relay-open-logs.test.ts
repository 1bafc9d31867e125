import { readdir, readlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { connectRaw, type RawSocket, request } from '../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import { tempDir } from '../tests/support/temp-dir';

/**
 * A thousand boards through one relay whose process may hold only a few
 * descriptors (prlimit): with one open log per board it ran out of them, so
 * /healthz failed and honest clients were refused. Board logs are now kept
 * open in a bounded pool (--max-open-logs).
 */

const FD_LIMIT = 200;
const MAX_OPEN_LOGS = 16;
const SOCKETS = 50;
const BOARDS_PER_SOCKET = 20;

let dataDir: Awaited<ReturnType<typeof tempDir>>;
const processes: RelayProcess[] = [];
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-open-logs-');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const relay of processes.splice(0)) await relay.stop(2_000);
  await dataDir.remove();
});

async function start(options: { launcher?: string[]; extra?: string[] } = {}): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, ...(options.extra ?? [])], {
    env: { LOG_LEVEL: 'warn' },
    ...(options.launcher && { wrapper: options.launcher }),
    timeoutMs: 30_000,
  });
  processes.push(relay);
  return relay;
}

async function connect(url: string): Promise<RawSocket> {
  const socket = await connectRaw(url, { v: PROTOCOL_VERSION });
  sockets.push(socket);
  return socket;
}

type Ack = { ok: true; update?: ArrayBuffer } | { ok: false; error: { code: string; message: string } };

/** Joins `boardId`, writes one shape named after it, and resolves with both acks. */
async function joinAndWrite(socket: RawSocket, boardId: string): Promise<[Ack, Ack]> {
  const joined = await request<Ack>(socket, 'board:join', { boardId, stateVector: new Uint8Array([0]) }, 30_000);
  if (!joined.ok) return [joined, joined];
  const doc = new Y.Doc();
  doc.getMap('shapes').set(boardId, 1);
  const written = await request<Ack>(socket, 'board:update', { boardId, update: Y.encodeStateAsUpdate(doc) }, 30_000);
  return [joined, written];
}

/** The relay's descriptors: all of them, and those on board logs. */
async function descriptorsOf(pid: number): Promise<{ total: number; logs: number }> {
  const fds = await readdir(`/proc/${pid}/fd`);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return { total: fds.length, logs: targets.filter((target) => /\/boards\/.*\/log-/.test(target)).length };
}

describe.skipIf(process.platform !== 'linux')('open board logs', () => {
  it('stay bounded through 1,000 boards under a low descriptor limit, losing no acknowledged write', async () => {
    const relay = await start({
      launcher: ['prlimit', `--nofile=${FD_LIMIT}:${FD_LIMIT}`, '--'],
      extra: [
        ...['--max-open-logs', String(MAX_OPEN_LOGS), '--max-boards-per-connection', String(BOARDS_PER_SOCKET)],
        ...['--new-boards-per-ip-per-hour', '100000'],
      ],
    });

    const guests = [];
    for (let i = 0; i < SOCKETS; i++) guests.push(await connect(relay.url));
    const answers = await Promise.all(
      guests.flatMap((socket, s) =>
        Array.from({ length: BOARDS_PER_SOCKET }, (_, b) => joinAndWrite(socket, `board-${s}-${b}`)),
      ),
    );
    const failed = answers.filter(([joined, written]) => !joined.ok || !written.ok);
    expect(failed.slice(0, 3)).toEqual([]);

    // Every board is still loaded (its members are on it), yet few logs are open.
    const held = await descriptorsOf(relay.pid);
    expect(held.logs).toBeLessThanOrEqual(MAX_OPEN_LOGS);
    expect(held.total).toBeLessThan(FD_LIMIT);
    const health = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(await health.json()).toMatchObject({ ok: true, boards: SOCKETS * BOARDS_PER_SOCKET });

    // An honest client joins, writes to a board written long ago (its log reopens), and to a new one.
    const honest = await connect(relay.url);
    for (const boardId of ['board-0-0', 'honest']) {
      const [joined, written] = await joinAndWrite(honest, boardId);
      expect(joined, boardId).toMatchObject({ ok: true });
      expect(written, boardId).toMatchObject({ ok: true });
    }

    // Acknowledged means on disk: kill -9, start again, read a sample back.
    relay.child.kill('SIGKILL');
    await relay.exited;
    for (const socket of sockets.splice(0)) socket.close();
    const again = await start();
    const reader = await connect(again.url);
    for (const boardId of ['board-0-0', 'board-17-3', 'board-49-19', 'honest']) {
      const ack = await request<Ack>(reader, 'board:join', { boardId, stateVector: new Uint8Array([0]) });
      expect(ack.ok, boardId).toBe(true);
      const doc = new Y.Doc();
      if (ack.ok && ack.update) Y.applyUpdate(doc, new Uint8Array(ack.update));
      expect(doc.getMap('shapes').get(boardId), boardId).toBe(1);
    }
  }, 120_000);
});
