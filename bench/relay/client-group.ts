import { performance } from 'node:perf_hooks';
import type { PlainAck } from '../../shared/protocol';
import { createLoadClient, type LoadClient, type PeerClientKind } from './load-client';
import type { ClientKind } from './options';
import { Column } from './stats';
import { updateKeys } from './update-id';

/**
 * The clients of one load-generator thread and their measurements. Every time
 * is in ms since `t0`, read from `process.hrtime.bigint()`: the same monotonic
 * clock in every thread, so sends and receipts from different threads compare.
 */
export interface GroupConfig {
  /** Client i connects to urls[i mod urls.length] (several relays: clients spread over them). */
  urls: string[];
  boardId: string;
  totalClients: number;
  /** Global indices of this group's clients (0 ≤ index < totalClients). */
  indices: number[];
  t0: bigint;
  /** Which protocol client the load generator uses. */
  client: ClientKind | PeerClientKind;
  /** Edits each client makes ahead of the run (enough for all of it). */
  editsPerClient: number;
}

export interface RunPlan {
  /** First send of client 0. Client g sends at startMs + g·periodMs/totalClients + k·periodMs. */
  startMs: number;
  periodMs: number;
  /** No send is scheduled at or after this. */
  stopMs: number;
  windowStartMs: number;
  windowEndMs: number;
}

export interface GroupStatus {
  outstandingAcks: number;
  lastReceiptMs: number;
  fatal: string | null;
}

export interface GroupResult {
  /** One row per send: packed `clientID:clock` key, sending client, send, ack (NaN: none) and schedule lag. */
  sendKeys: Float64Array;
  sendClients: Float64Array;
  sendMs: Float64Array;
  ackMs: Float64Array;
  lagMs: Float64Array;
  /** One row per edit received (a `board:update` may carry several). */
  recvKeys: Float64Array;
  recvClients: Float64Array;
  recvMs: Float64Array;
  /** This thread during the measured window (100 = one core); NaN if the window was not sampled. */
  threadCpuPercent: number;
  eventLoopUtilization: number;
}

const CONNECT_TIMEOUT_MS = 15_000;
const JOIN_TIMEOUT_MS = 15_000;

export class ClientGroup {
  private readonly clients: LoadClient[] = [];
  private readonly sendKeys = new Column();
  private readonly sendClients = new Column();
  private readonly sendMs = new Column();
  private readonly ackMs = new Column();
  private readonly lagMs = new Column();
  private readonly recvKeys = new Column(64 * 1024);
  private readonly recvClients = new Column(64 * 1024);
  private readonly recvMs = new Column(64 * 1024);
  private outstandingAcks = 0;
  private lastReceiptMs = -Infinity;
  private fatal: string | null = null;
  private currentLagMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private windowStart: { cpu: NodeJS.CpuUsage; elu: ReturnType<typeof performance.eventLoopUtilization> } | null = null;
  private threadCpuPercent = NaN;
  private eventLoopUtilization = NaN;

  constructor(private readonly config: GroupConfig) {}

  now(): number {
    return Number(process.hrtime.bigint() - this.config.t0) / 1e6;
  }

  /** Connects every client, then joins each to the board. */
  async join(): Promise<void> {
    const { urls, boardId, indices, client: kind } = this.config;
    const sink = {
      sent: (client: number, key: number, expectsAck: boolean) => this.recordSend(client, key, expectsAck),
      acked: (sendIndex: number, ack: PlainAck) => this.recordAck(sendIndex, ack),
      received: (client: number, update: Uint8Array | ArrayBuffer) => this.recordReceipt(client, update),
      fatal: (message: string) => this.fail(message),
    };
    for (const index of indices)
      this.clients.push(createLoadClient(kind, index, urls[index % urls.length]!, boardId, sink));
    await Promise.all(this.clients.map((client) => client.connect(CONNECT_TIMEOUT_MS)));
    await Promise.all(this.clients.map((client) => client.join(JOIN_TIMEOUT_MS)));
    for (const client of this.clients) client.prepare(this.config.editsPerClient);
  }

  /** Sends on schedule; resolves once the last send before `stopMs` went out. */
  run(plan: RunPlan): Promise<void> {
    const { totalClients } = this.config;
    const offsets = this.clients.map((client) => (client.index * plan.periodMs) / totalClients);
    const count = this.clients.length;
    const dueOf = (event: number) => plan.startMs + offsets[event % count]! + Math.floor(event / count) * plan.periodMs;
    this.at(plan.windowStartMs, () => {
      this.windowStart = { cpu: threadCpuUsage(), elu: performance.eventLoopUtilization() };
    });
    this.at(plan.windowEndMs, () => this.sampleWindowEnd(plan.windowEndMs - plan.windowStartMs));

    let event = 0;
    return new Promise<void>((resolve) => {
      const tick = () => {
        this.timer = undefined;
        let now = this.now();
        while (dueOf(event) <= now) {
          const due = dueOf(event);
          if (due >= plan.stopMs || this.fatal) return resolve();
          this.currentLagMs = now - due;
          if (!this.clients[event % count]!.sendEdit()) this.fail('an edit produced no Yjs update');
          event += 1;
          now = this.now();
        }
        if (dueOf(event) >= plan.stopMs) return resolve();
        this.timer = setTimeout(tick, Math.max(0, dueOf(event) - now));
      };
      tick();
    });
  }

  status(): GroupStatus {
    return { outstandingAcks: this.outstandingAcks, lastReceiptMs: this.lastReceiptMs, fatal: this.fatal };
  }

  /** Disconnects every client and hands over the measurements. */
  finish(): GroupResult {
    if (this.timer) clearTimeout(this.timer);
    for (const client of this.clients) client.close();
    return {
      sendKeys: this.sendKeys.toArray(),
      sendClients: this.sendClients.toArray(),
      sendMs: this.sendMs.toArray(),
      ackMs: this.ackMs.toArray(),
      lagMs: this.lagMs.toArray(),
      recvKeys: this.recvKeys.toArray(),
      recvClients: this.recvClients.toArray(),
      recvMs: this.recvMs.toArray(),
      threadCpuPercent: this.threadCpuPercent,
      eventLoopUtilization: this.eventLoopUtilization,
    };
  }

  private recordSend(client: number, key: number, expectsAck: boolean): number {
    if (Number.isNaN(key)) this.fail(`client ${client}: could not name its own update`);
    const sendIndex = this.sendMs.length;
    this.sendKeys.push(key);
    this.sendClients.push(client);
    this.ackMs.push(NaN);
    this.lagMs.push(this.currentLagMs);
    if (expectsAck) this.outstandingAcks += 1;
    this.sendMs.push(this.now());
    return sendIndex;
  }

  private recordAck(sendIndex: number, ack: PlainAck): void {
    const now = this.now();
    this.outstandingAcks -= 1;
    if (typeof ack !== 'object' || ack === null || ack.ok !== true) {
      const error = typeof ack === 'object' && ack !== null && !ack.ok ? `${ack.error.code} ${ack.error.message}` : '?';
      return this.fail(`board:update got an error ack: ${error}`);
    }
    this.ackMs.set(sendIndex, now);
  }

  private recordReceipt(client: number, update: Uint8Array | ArrayBuffer): void {
    const now = this.now();
    const bytes = update instanceof Uint8Array ? update : new Uint8Array(update);
    for (const key of updateKeysOrNaN(bytes)) {
      this.recvKeys.push(key);
      this.recvClients.push(client);
      this.recvMs.push(now);
    }
    this.lastReceiptMs = now;
  }

  private sampleWindowEnd(wallMs: number): void {
    if (!this.windowStart) return;
    const start = this.windowStart.cpu;
    const end = threadCpuUsage();
    this.threadCpuPercent = ((end.user - start.user + end.system - start.system) / 1000 / wallMs) * 100;
    this.eventLoopUtilization = performance.eventLoopUtilization(this.windowStart.elu).utilization;
  }

  private at(ms: number, action: () => void): void {
    setTimeout(action, Math.max(0, ms - this.now()));
  }

  private fail(message: string): void {
    this.fatal ??= message;
  }
}

/** A receipt that cannot be named is kept as NaN and later counted as unknown. */
function updateKeysOrNaN(update: Uint8Array): number[] {
  try {
    const keys = updateKeys(update);
    return keys.length > 0 ? keys : [NaN];
  } catch {
    return [NaN];
  }
}

/** This thread's CPU time (µs); NaN on Node < 23.9, which lacks process.threadCpuUsage (engines allows 22.12). */
function threadCpuUsage(): NodeJS.CpuUsage {
  return typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : { user: NaN, system: NaN };
}
