import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeEvent } from '../bench/relay/lean-codec';
import { MiB, residentBytes, watchResident } from '../tests/support/process-memory';
import { connectRaw, type RawSocket, request } from '../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import { StalledReader, type StalledReaderOptions } from '../tests/support/stalled-reader';
import { tempDir } from '../tests/support/temp-dir';
import { waitFor } from '../tests/support/wait';

/**
 * Finding 2 of issue 11 against the real relay process: a guest that stops
 * reading (its TCP socket paused) is dropped once the relay holds too much for
 * it, or once it has taken nothing for a while however it answers pings; an
 * unsolicited pong drops it at once; joins are rate-limited and a connection
 * that is behind gets no second copy of a board. The relay's RSS stays bounded.
 */

let dataDir: Awaited<ReturnType<typeof tempDir>>;
const processes: RelayProcess[] = [];
const sockets: RawSocket[] = [];
const readers: StalledReader[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-slow-');
});

afterEach(async () => {
  for (const reader of readers.splice(0)) reader.close();
  for (const socket of sockets.splice(0)) socket.close();
  for (const relay of processes.splice(0)) await relay.stop(5_000);
  await dataDir.remove();
});

async function start(extra: string[] = []): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, '--log-level', 'warn', ...extra]);
  processes.push(relay);
  return relay;
}

async function connect(url: string): Promise<RawSocket> {
  const socket = await connectRaw(url);
  sockets.push(socket);
  return socket;
}

async function stalledReader(url: string, options: StalledReaderOptions): Promise<StalledReader> {
  const reader = await StalledReader.join(url, options);
  readers.push(reader);
  return reader;
}

type Ack = { ok: true; update?: ArrayBuffer } | { ok: false; error: { code: string; message: string } };
const emptyStateVector = () => Y.encodeStateVector(new Y.Doc());
const join = (socket: RawSocket, boardId: string) =>
  request<Ack>(socket, 'board:join', { boardId, stateVector: emptyStateVector() }, 20_000);

/**
 * A writer that overwrites one big shape again and again (the board stays
 * small; the traffic does not). Each update carries everything since the last
 * acknowledged one, so an update refused for its rate (RATE_LIMITED: a
 * connection may send 256 KiB/s after a 16 MiB burst) is simply sent again
 * within the next, as the app's resync would.
 */
class Writer {
  private readonly doc = new Y.Doc();
  private acked = Y.encodeStateVector(this.doc);
  count = 0;
  refused = 0;

  constructor(
    private readonly socket: RawSocket,
    private readonly boardId: string,
  ) {}

  /** Writes a shape of `bytes`; waits and tries again while the relay says RATE_LIMITED. */
  async write(bytes: number): Promise<Ack> {
    this.count += 1;
    this.doc.getMap('shapes').set('big', { type: 'text', text: `${this.count}:`.padEnd(bytes, 'x') });
    for (;;) {
      const covered = Y.encodeStateVector(this.doc);
      const update = Y.encodeStateAsUpdate(this.doc, this.acked);
      const ack = await request<Ack>(this.socket, 'board:update', { boardId: this.boardId, update }, 20_000);
      if (ack.ok) this.acked = covered;
      if (ack.ok || ack.error.code !== 'RATE_LIMITED') return ack;
      this.refused += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const connections = async (url: string) =>
  ((await (await fetch(`${url}/healthz`)).json()) as { connections: number }).connections;

/** Waits until the relay counts `expected` connections (a dropped one is gone a moment after its log line). */
async function connectionsBecome(url: string, expected: number): Promise<void> {
  const deadline = performance.now() + 10_000;
  while ((await connections(url)) !== expected) {
    if (performance.now() > deadline) throw new Error(`the relay never got to ${expected} connections`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const logged = (relay: RelayProcess, pattern: RegExp) => pattern.test(relay.stdout());

describe('a guest that stops reading', () => {
  it('is dropped once the relay holds more than --max-socket-buffer for it; the relay stays small', async () => {
    const relay = await start(['--soft-socket-buffer', '1MiB', '--max-socket-buffer', '8MiB']);
    await stalledReader(relay.url, { boardId: 'flood', pongs: 'none' });
    const writerSocket = await connect(relay.url);
    await join(writerSocket, 'flood');
    const writer = new Writer(writerSocket, 'flood');
    const before = residentBytes(relay.pid);
    const memory = watchResident(relay.pid, 50);
    // 1 MiB updates: before the fix the relay kept every one of them for the stalled reader.
    for (let i = 0; i < 60 && !logged(relay, /fell too far behind/); i++) {
      expect(await writer.write(1 * MiB)).toEqual({ ok: true });
    }
    await waitFor(() => logged(relay, /fell too far behind/), 'the stalled reader to be dropped', 20_000);
    await connectionsBecome(relay.url, 1);
    const peak = memory.stop();
    expect(peak - before, `RSS went from ${before / MiB} to ${peak / MiB} MiB`).toBeLessThan(96 * MiB);
    // The writer never noticed; what it sent is there.
    expect(await writer.write(1_000)).toEqual({ ok: true });
    const probe = await connect(relay.url);
    const ack = await join(probe, 'flood');
    const doc = new Y.Doc();
    if (ack.ok && ack.update) Y.applyUpdate(doc, new Uint8Array(ack.update));
    expect((doc.getMap('shapes').get('big') as { text: string }).text).toMatch(new RegExp(`^${writer.count}:`));
  });

  it('sending pongs without pings (engine.io kept such a socket alive forever) is dropped at once', async () => {
    const relay = await start();
    await stalledReader(relay.url, { boardId: 'pongs', pongs: 'blind', blindPongEveryMs: 300 });
    await waitFor(() => logged(relay, /pong without a ping/), 'the blind ponger to be dropped', 10_000);
    await connectionsBecome(relay.url, 0);
  });

  it('answering every ping while reading nothing is dropped once nothing is taken for ping interval + timeout', async () => {
    // The buffer limit is out of reach here: only the stall rule can drop it.
    const relay = await start(['--soft-socket-buffer', '1MiB', '--max-socket-buffer', '512MiB']);
    await stalledReader(relay.url, { boardId: 'stall', pongs: 'timed' });
    const writerSocket = await connect(relay.url);
    await join(writerSocket, 'stall');
    const writer = new Writer(writerSocket, 'stall');
    const before = residentBytes(relay.pid);
    const memory = watchResident(relay.pid, 100);
    const started = performance.now();
    // ~1 MiB/s: the kernel's buffers fill in a few seconds, then the relay's start to grow.
    while (!logged(relay, /stopped reading/) && performance.now() - started < 60_000) {
      expect(await writer.write(256 * 1024)).toEqual({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(logged(relay, /stopped reading/)).toBe(true);
    expect(logged(relay, /pong without a ping/)).toBe(false);
    const peak = memory.stop();
    expect(peak - before, `RSS went from ${before / MiB} to ${peak / MiB} MiB`).toBeLessThan(128 * MiB);
    await connectionsBecome(relay.url, 1);
  }, 90_000);
});

describe('joins', () => {
  it('are rate-limited per connection, and a join of a board being answered shares the answer', async () => {
    const relay = await start();
    const socket = await connect(relay.url);
    // Sent together, so the bucket cannot refill in between however slow the machine.
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, () => join(socket, 'spam')),
      join(socket, 'elsewhere'),
    ]);
    const ok = answers.filter((answer) => answer.ok).length;
    const limited = answers.filter((answer) => !answer.ok && answer.error.code === 'RATE_LIMITED').length;
    expect(ok + limited).toBe(41);
    expect(ok).toBeGreaterThan(0);
    expect(limited).toBeGreaterThanOrEqual(15);
    // Joins of other boards spend the same budget.
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another connection has its own.
    expect(await join(await connect(relay.url), 'spam')).toMatchObject({ ok: true });
  });

  it('a connection that is behind gets no second copy of a board, however often it asks', async () => {
    const relay = await start(['--soft-socket-buffer', '1MiB', '--max-socket-buffer', '256MiB']);
    const writerSocket = await connect(relay.url);
    await join(writerSocket, 'big');
    // A 4 MiB board, in 64 shapes of 64 KiB.
    const author = new Y.Doc();
    for (let i = 0; i < 64; i++) author.getMap('shapes').set(`s${i}`, 'x'.repeat(64 * 1024));
    const stored = await request<Ack>(
      writerSocket,
      'board:update',
      { boardId: 'big', update: Y.encodeStateAsUpdate(author) },
      20_000,
    );
    expect(stored).toEqual({ ok: true });
    const reader = await stalledReader(relay.url, { boardId: 'big', pongs: 'none' });
    const before = residentBytes(relay.pid);
    const memory = watchResident(relay.pid, 50);
    // One at a time (joins that arrive together share one answer anyway).
    for (let i = 0; i < 30; i++) {
      const { text, binary } = encodeEvent('board:join', { boardId: 'big', stateVector: emptyStateVector() }, 100 + i);
      reader.send(text, binary);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    // The relay has read them all once another request of the writer is answered after them.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await join(writerSocket, 'big')).toMatchObject({ ok: true });
    // Before the fix each join the rate limit lets through (20) queued its own 4 MiB copy of the board:
    // RSS grew by 118 MiB here.
    const peak = memory.stop();
    expect(peak - before, `RSS went from ${before / MiB} to ${peak / MiB} MiB`).toBeLessThan(64 * MiB);
  });
});
