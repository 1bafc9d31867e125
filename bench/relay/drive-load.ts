import type { GroupResult, RunPlan } from './client-group';
import { cpuPercent, machineCpuSeconds, processCpuSeconds, processSyscalls } from './cpu';
import { createGroups, type GroupHandle } from './groups';
import { HONEST_BOARD } from './hostile/guests';
import type { PeerClientKind } from './load-client';
import type { BenchOptions, ClientKind } from './options';
import { type BenchResult, CLIENT_LABELS } from './report';

/**
 * The honest load of `bench:relay`, against any server that speaks one of the
 * load clients' protocols (the Easel relay, or a peer with --against): N
 * clients join one board, then each writes a small Yjs update at R Hz for a
 * warm-up and a measured window, and the run drains.
 *
 * Timeline (ms since t0, one monotonic clock in every thread):
 *   joined → start (+SETTLE) → window start (+warmup) → window end (+seconds)
 *   → sends stop (+TAIL, load stays steady for the window's last messages)
 *   → drain: until every ack is in and receipts went quiet, at most
 *     DRAIN_CAP after the window's end. Only sends inside the window count.
 */
const SETTLE_MS = 200;
const TAIL_MS = 500;
const DRAIN_CAP_MS = 2_000;
const QUIET_MS = 250;
const POLL_MS = 100;

/** The honest board; the hostile guests join it too. */
export const BOARD_ID = HONEST_BOARD;

export interface LoadTarget {
  /** Client i connects to urls[i mod urls.length]. */
  urls: string[];
  /** The server's processes, whose CPU is sampled (summed) over the window. */
  pids: number[];
  client: ClientKind | PeerClientKind;
  /** Rejects if the server dies during the run. */
  failed: Promise<never>;
}

export type WindowCpu = Pick<
  BenchResult,
  'relayCpuPercent' | 'loadGeneratorCpuPercent' | 'machineCpuPercent' | 'stealCpuPercent' | 'relaySyscallsPerSecond'
>;

export interface LoadOutcome {
  results: GroupResult[];
  plan: RunPlan;
  window: WindowCpu;
  drainMs: number;
  /** When the clients started joining (ISO 8601). */
  startedAt: string;
}

export async function driveLoad(
  target: LoadTarget,
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<LoadOutcome> {
  const t0 = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const now = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const groups: GroupHandle[] = createGroups(
    {
      urls: target.urls,
      boardId: BOARD_ID,
      totalClients: options.clients,
      t0,
      client: target.client,
      editsPerClient: Math.ceil((options.warmupSeconds + options.seconds + TAIL_MS / 1000) * options.rateHz) + 2,
    },
    options.threads,
  );
  const { failed } = target;
  try {
    await Promise.race([Promise.all(groups.map((group) => group.join())), failed]);
    progress(`${options.clients} clients joined board ${BOARD_ID} (${describeThreads(options, target.client)})`);
    const startMs = now() + SETTLE_MS;
    const windowStartMs = startMs + options.warmupSeconds * 1000;
    const windowEndMs = windowStartMs + options.seconds * 1000;
    const plan: RunPlan = {
      startMs,
      periodMs: 1000 / options.rateHz,
      stopMs: windowEndMs + TAIL_MS,
      windowStartMs,
      windowEndMs,
    };
    const cpu = sampleCpuOverWindow(target.pids, plan, now);
    cpu.catch(() => undefined); // awaited below; an earlier failure must not leave it unhandled
    progress(`warming up ${options.warmupSeconds} s, then measuring ${options.seconds} s`);
    const running = Promise.all(groups.map((group) => group.run(plan)));
    await watch(groups, Promise.race([running, failed]), now, () => false);
    const drainMs =
      (await watch(groups, failed, now, (statuses) => {
        const t = now();
        if (t >= windowEndMs + DRAIN_CAP_MS) return true;
        const lastReceiptMs = Math.max(...statuses.map((status) => status.lastReceiptMs));
        return statuses.every((status) => status.outstandingAcks === 0) && t - lastReceiptMs >= QUIET_MS;
      })) - windowEndMs;
    const results: GroupResult[] = await Promise.all(groups.map((group) => group.finish()));
    return { results, plan, window: await cpu, drainMs, startedAt };
  } finally {
    await Promise.allSettled(groups.map((group) => group.dispose()));
  }
}

export function describeThreads(options: BenchOptions, client: ClientKind | PeerClientKind = options.client): string {
  const where = options.threads === 0 ? 'all on the main thread' : `over ${options.threads} worker threads`;
  const label =
    client === 'lean' || client === 'socket.io' ? CLIENT_LABELS[client] : `lean ${client} sync protocol over raw ws`;
  return `${label}, ${where}`;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** CPU of the relay (its processes together), of this process (all its threads) and of the machine between window start and end. */
async function sampleCpuOverWindow(relayPids: number[], plan: RunPlan, now: () => number): Promise<WindowCpu> {
  const sample = () => ({
    at: now(),
    relay: sum(relayPids.map(processCpuSeconds)),
    relaySyscalls: relayPids.map(processSyscalls).reduce((total, calls) => ({
      reads: total.reads + calls.reads,
      writes: total.writes + calls.writes,
    })),
    self: processCpuSeconds(process.pid),
    machine: machineCpuSeconds(),
  });
  await sleep(plan.windowStartMs - now());
  const start = sample();
  await sleep(plan.windowEndMs - now());
  const end = sample();
  const wallSeconds = (end.at - start.at) / 1000;
  return {
    relayCpuPercent: cpuPercent(start.relay, end.relay, wallSeconds),
    loadGeneratorCpuPercent: cpuPercent(start.self, end.self, wallSeconds),
    machineCpuPercent: cpuPercent(start.machine.busy, end.machine.busy, wallSeconds),
    stealCpuPercent: cpuPercent(start.machine.steal, end.machine.steal, wallSeconds),
    relaySyscallsPerSecond: {
      reads: (end.relaySyscalls.reads - start.relaySyscalls.reads) / wallSeconds,
      writes: (end.relaySyscalls.writes - start.relaySyscalls.writes) / wallSeconds,
    },
  };
}

/**
 * Polls every group's status until `done` says so or `until` settles; throws
 * as soon as a group reports a fatal error. Resolves with the time it stopped.
 */
async function watch(
  groups: GroupHandle[],
  until: Promise<unknown>,
  now: () => number,
  done: (statuses: Awaited<ReturnType<GroupHandle['status']>>[]) => boolean,
): Promise<number> {
  let settled = false;
  const finished = until.then(() => (settled = true));
  finished.catch(() => undefined); // raced below while the loop runs; later failures are someone else's
  for (;;) {
    await Promise.race([finished, sleep(POLL_MS)]);
    const statuses = await Promise.all(groups.map((group) => group.status()));
    const fatal = statuses.find((status) => status.fatal !== null)?.fatal;
    if (fatal) throw new Error(fatal);
    if (settled || done(statuses)) return now();
  }
}
