import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { subdocumentBomb } from '../../../tests/support/hostile-updates';
import { connectRaw, type RawSocket, request } from '../../../tests/support/protocol-client';
import { type PongMode, StalledReader } from '../../../tests/support/stalled-reader';

/**
 * The hostile guests of `bench:relay -- --hostile`, each a loop that runs until
 * stopped, each from its own loopback address (127.0.0.x: another client IP
 * to the relay, so the per-IP budgets see them apart from the honest clients):
 *
 *   - bomber: subdocument bombs (50,000 subdocuments, ~1 MB), updates to roots
 *     boards do not use, and updates whose dependencies never arrive;
 *   - flooder and slow readers: 1 MiB valid updates, five a second (the relay
 *     lets a connection send 256 KiB/s after a burst), into a board that readers
 *     join and then stop reading: two send blind pongs (and rejoin 2 s later),
 *     two just stop (and stay until the relay drops them, or 60 s);
 *   - slow readers on the honest board itself, sending blind pongs;
 *   - board churn: a new board per join, as fast as the relay answers;
 *   - reconnect storm: connect, join the honest board, disconnect, in parallel;
 *   - join spam: one connection joining the honest board over and over.
 */
export interface HostileTally {
  bombs: number;
  foreignRoots: number;
  orphans: number;
  /** Answers to the bomber by error code ('ok' when accepted, which must not happen). */
  bomberAnswers: Record<string, number>;
  floodUpdates: number;
  floodAnswers: Record<string, number>;
  slowReadersJoined: number;
  slowReadersRefused: number;
  churnJoins: Record<string, number>;
  reconnects: number;
  reconnectsRefused: number;
  joinSpam: Record<string, number>;
  /** The first few unexpected failures, for the report. */
  errors: string[];
}

export const HONEST_BOARD = 'bench';

export const GUEST_KINDS = ['bomber', 'flood', 'board-readers', 'churn', 'storm', 'spam'] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];
const FLOOD_BOARD = 'hostile-flood';
const BOMB_BOARD = 'hostile-bombs';

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

export class HostileGuests {
  readonly tally: HostileTally = {
    bombs: 0,
    foreignRoots: 0,
    orphans: 0,
    bomberAnswers: {},
    floodUpdates: 0,
    floodAnswers: {},
    slowReadersJoined: 0,
    slowReadersRefused: 0,
    churnJoins: {},
    reconnects: 0,
    reconnectsRefused: 0,
    joinSpam: {},
    errors: [],
  };
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly open = new Set<{ close(): void }>();

  constructor(private readonly url: string) {}

  /** Starts the guests of the kinds named (all by default). */
  start(kinds: readonly GuestKind[] = GUEST_KINDS): void {
    const guests: Record<GuestKind, () => Promise<void>[]> = {
      bomber: () => [
        this.guard(
          'bomber',
          this.connected('127.0.0.2', (socket) => this.bomber(socket)),
        ),
      ],
      flood: () => [
        this.guard(
          'flooder',
          this.connected('127.0.0.3', (socket) => this.flooder(socket)),
        ),
        ...[0, 1, 2, 3].map((i) =>
          this.guard('flood reader', () =>
            this.slowReader('127.0.0.4', FLOOD_BOARD, i % 2 ? 'blind' : 'none', i % 2 ? 2_000 : 60_000),
          ),
        ),
      ],
      'board-readers': () =>
        [0, 1].map(() =>
          this.guard('honest-board reader', () => this.slowReader('127.0.0.5', HONEST_BOARD, 'blind', 2_000)),
        ),
      churn: () => [
        this.guard(
          'churn',
          this.connected('127.0.0.6', (socket) => this.churn(socket)),
        ),
      ],
      storm: () => [0, 1].map(() => this.guard('reconnect storm', () => this.reconnectStorm('127.0.0.7'))),
      spam: () => [
        this.guard(
          'join spam',
          this.connected('127.0.0.8', (socket) => this.joinSpam(socket)),
        ),
      ],
    };
    for (const kind of kinds) this.loops.push(...guests[kind]());
  }

  async stop(): Promise<HostileTally> {
    this.stopped = true;
    for (const socket of this.open) socket.close();
    await Promise.allSettled(this.loops);
    return this.tally;
  }

  private async bomber(socket: RawSocket): Promise<void> {
    const bomb = subdocumentBomb(50_000);
    await request(socket, 'board:join', join(BOMB_BOARD), 30_000);
    while (!this.stopped) {
      const foreign = new Y.Doc();
      foreign.getText('notes').insert(0, 'not a board');
      const author = new Y.Doc();
      author.getMap('shapes').set('first', 'never sent');
      let orphan: Uint8Array | undefined;
      author.on('update', (update: Uint8Array) => (orphan = update));
      author.getMap('shapes').set('first', 'builds on what never came');
      for (const [update, counter] of [
        [bomb, 'bombs'],
        [Y.encodeStateAsUpdate(foreign), 'foreignRoots'],
        [orphan, 'orphans'],
      ] as const) {
        if (this.stopped) break;
        this.tally[counter] += 1;
        const ack = await request<Ack>(socket, 'board:update', { boardId: BOMB_BOARD, update }, 30_000);
        count(this.tally.bomberAnswers, ack);
      }
      await sleep(500);
    }
  }

  private async flooder(socket: RawSocket): Promise<void> {
    await request(socket, 'board:join', join(FLOOD_BOARD), 30_000);
    const doc = new Y.Doc();
    // Each update carries everything since the last acknowledged one: one refused for its rate goes again.
    let acked = Y.encodeStateVector(doc);
    while (!this.stopped) {
      this.tally.floodUpdates += 1;
      doc.getMap('shapes').set('flood', `${this.tally.floodUpdates}:`.padEnd(1024 * 1024, 'x'));
      const covered = Y.encodeStateVector(doc);
      const update = Y.encodeStateAsUpdate(doc, acked);
      const ack = await request<Ack>(socket, 'board:update', { boardId: FLOOD_BOARD, update }, 30_000);
      if (ack.ok) acked = covered;
      count(this.tally.floodAnswers, ack);
      await sleep(200);
    }
  }

  /** Joins `boardId`, stops reading for `lifetimeMs` (if the relay has not dropped it first), then again. */
  private async slowReader(localAddress: string, boardId: string, pongs: PongMode, lifetimeMs: number): Promise<void> {
    while (!this.stopped) {
      let reader: StalledReader;
      try {
        reader = await StalledReader.join(this.url, { boardId, pongs, blindPongEveryMs: 500, localAddress });
      } catch {
        this.tally.slowReadersRefused += 1;
        await sleep(1_000);
        continue;
      }
      this.tally.slowReadersJoined += 1;
      this.open.add(reader);
      await sleep(lifetimeMs);
      reader.close();
      this.open.delete(reader);
    }
  }

  private async churn(socket: RawSocket): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const boardId = `churn-${process.pid}-${n}`;
      const ack = await request<Ack>(socket, 'board:join', join(boardId), 30_000);
      count(this.tally.churnJoins, ack);
      if (ack.ok) socket.emit('board:leave', { boardId });
      else await sleep(50);
    }
  }

  private async reconnectStorm(localAddress: string): Promise<void> {
    while (!this.stopped) {
      let socket: RawSocket;
      try {
        socket = await connectRaw(this.url, { v: PROTOCOL_VERSION }, { localAddress });
      } catch {
        this.tally.reconnectsRefused += 1;
        await sleep(100);
        continue;
      }
      this.tally.reconnects += 1;
      socket.emit('board:join', join(HONEST_BOARD));
      await sleep(20);
      socket.close();
    }
  }

  private async joinSpam(socket: RawSocket): Promise<void> {
    while (!this.stopped) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => request<Ack>(socket, 'board:join', join(HONEST_BOARD), 30_000)),
      );
      for (const answer of answers) count(this.tally.joinSpam, answer);
      await sleep(100);
    }
  }

  /** A guest on one connection from `localAddress`, closed when the guest ends. */
  private connected(localAddress: string, guest: (socket: RawSocket) => Promise<void>): () => Promise<void> {
    return async () => {
      const socket = await connectRaw(this.url, { v: PROTOCOL_VERSION }, { localAddress });
      this.open.add(socket);
      try {
        await guest(socket);
      } finally {
        socket.close();
        this.open.delete(socket);
      }
    };
  }

  /** Runs a guest; a failure is noted (the relay dropping a hostile guest is expected) and the guest starts over. */
  private async guard(name: string, guest: () => Promise<void>): Promise<void> {
    while (!this.stopped) {
      try {
        await guest();
      } catch (error) {
        if (this.stopped) return;
        if (this.tally.errors.length < 10) {
          this.tally.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(500);
      }
    }
  }
}

function join(boardId: string) {
  return { boardId, stateVector: Y.encodeStateVector(new Y.Doc()) };
}

function count(tally: Record<string, number>, ack: Ack): void {
  const key = ack.ok ? 'ok' : ack.error.code;
  tally[key] = (tally[key] ?? 0) + 1;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
