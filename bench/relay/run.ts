import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MiB, watchResident } from '../../tests/support/process-memory';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { analyze } from './analysis';
import type { GroupResult, RunPlan } from './client-group';
import { cpuPercent, machineCpuSeconds, processCpuSeconds, processSyscalls } from './cpu';
import { probeFsync } from './fsync-probe';
import { createGroups, type GroupHandle } from './groups';
import { guestKindsFrom, HONEST_BOARD, type HostileTally, startHostileGuests } from './hostile';
import type { BenchOptions } from './options';
import { readBackAfterKill } from './read-back';
import { type BenchResult, caveatsOf, CLIENT_LABELS, judge } from './report';

/**
 * One run of `npm run bench:relay`: one board of N clients, each writing a
 * small Yjs update at R Hz through a real relay process (file storage, fsync
 * before every ack), for a warm-up and then a measured window; with
 * `hostile`, the hostile guests (hostile/guests.ts) run beside them from the
 * start to the end. Afterwards the relay is killed (SIGKILL) and restarted,
 * and every acknowledged update is looked for (read-back.ts).
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
/** Hostile guests get this long to get going before the honest clients join. */
const HOSTILE_HEAD_START_MS = 2_000;

export const BOARD_ID = HONEST_BOARD;

export interface RunOutcome {
  result: BenchResult;
  hostile: HostileTally | null;
  /** Connections the relay dropped, by the reason it logged. */
  relayDrops: Record<string, number>;
}

/**
 * Every simulated honest client connects from 127.0.0.1. Past what the default
 * per-address budgets (README: Limits and budgets) let one address carry, they
 * are raised; the budgets themselves are tested in server/relay-budgets.test.ts.
 * Hostile guests connect from other loopback addresses and meet the defaults
 * as long as the honest load fits them.
 */
export function relayFlagsFor(options: BenchOptions): string[] {
  const fitsDefaults = options.clients + 10 <= 120;
  if (fitsDefaults) return [];
  return [
    ...['--max-connections-per-ip', '100000', '--handshakes-per-ip-per-minute', '100000'],
    ...['--new-boards-per-ip-per-hour', '100000'],
  ];
}

export async function measureRun(
  options: BenchOptions,
  hostile: boolean,
  progress: (line: string) => void,
): Promise<RunOutcome> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'easel-bench-relay-'));
  let relay: RelayProcess | undefined;
  let groups: GroupHandle[] = [];
  let guests: ReturnType<typeof startHostileGuests> | undefined;
  let memory: ReturnType<typeof watchResident> | undefined;
  try {
    const fsyncProbeMs = await probeFsync(dataDir);
    const nodeFlags = relayNodeFlags(process.env);
    const relayArgs = ['--port', '0', '--data-dir', dataDir, '--log-level', 'warn', ...relayFlagsFor(options)];
    relay = await startRelayProcess(relayArgs, { nodeArgs: nodeFlags });
    memory = watchResident(relay.pid, 100);
    progress(`relay pid ${relay.pid} at ${relay.url}${nodeFlags.length > 0 ? ` (node ${nodeFlags.join(' ')})` : ''}`);
    const failed = unexpectedExit(relay);
    if (hostile) {
      const kinds = guestKindsFrom(process.env);
      guests = startHostileGuests(relay.url, kinds);
      progress(`hostile guests started: ${kinds.join(', ')}`);
      await sleep(HOSTILE_HEAD_START_MS);
    }

    const t0 = process.hrtime.bigint();
    const now = () => Number(process.hrtime.bigint() - t0) / 1e6;
    groups = createGroups(
      {
        url: relay.url,
        boardId: BOARD_ID,
        totalClients: options.clients,
        t0,
        client: options.client,
        editsPerClient: Math.ceil((options.warmupSeconds + options.seconds + TAIL_MS / 1000) * options.rateHz) + 2,
      },
      options.threads,
    );
    await Promise.race([Promise.all(groups.map((group) => group.join())), failed]);
    progress(`${options.clients} clients joined board ${BOARD_ID} (${describeThreads(options)})`);
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
    const cpu = sampleCpuOverWindow(relay.pid, plan, now);
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
    const window = await cpu;
    const hostileTally = guests ? await guests.stop() : null;
    guests = undefined;
    const peakBeforeReadBack = memory.stop();

    const measured = analyze(results, plan, options.clients);
    const measuredRun = {
      benchmark: 'relay' as const,
      startedAt: new Date(Date.now() - now()).toISOString(),
      node: process.version,
      cpus: os.availableParallelism(),
      config: {
        clients: options.clients,
        rateHz: options.rateHz,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        threads: options.threads,
        client: options.client,
        hostile,
        boardId: BOARD_ID,
        storage: 'file store, fsync before ack',
        fsyncProbeMs,
        relayNodeFlags: nodeFlags,
      },
      ...measured,
      drainMs,
      ...window,
      loadGeneratorThreads: results.map((group) => ({
        cpuPercent: group.threadCpuPercent,
        eventLoopUtilization: group.eventLoopUtilization,
      })),
      target: judge(measured),
    };
    const relayDrops = dropsLoggedBy(relay);
    // A profiled relay writes its profile only when it exits by itself.
    const signal = process.env.BENCH_RELAY_CPU_PROF ? 'SIGTERM' : 'SIGKILL';
    progress(`stopping the relay (${signal}) and reading every acknowledged update back`);
    const readBack = await readBackAfterKill(
      relay,
      () => startRelayProcess(relayArgs, { nodeArgs: nodeFlags }),
      results,
      BOARD_ID,
      signal,
    );
    relay = readBack.relay;
    const withMemory = {
      ...measuredRun,
      target: judge(measured, readBack.readBack),
      relayPeakRssBytes: peakBeforeReadBack,
      readBack: readBack.readBack,
    };
    return { result: { ...withMemory, caveats: caveatsOf(withMemory) }, hostile: hostileTally, relayDrops };
  } finally {
    memory?.stop();
    await guests?.stop().catch(() => undefined);
    await Promise.allSettled(groups.map((group) => group.dispose()));
    if (relay) {
      const code = await relay.stop();
      if (code !== 0 && code !== 'SIGKILL') progress(`relay exited with ${code} on SIGTERM:\n${relay.stderr()}`);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Counts the relay's "connection dropped" log lines by reason (backpressure.ts). */
function dropsLoggedBy(relay: RelayProcess): Record<string, number> {
  const drops: Record<string, number> = {};
  for (const line of relay.stdout().split('\n')) {
    if (!line.includes('connection dropped')) continue;
    const reason = /"reason":"([^"]+)"/.exec(line)?.[1] ?? 'unknown';
    drops[reason] = (drops[reason] ?? 0) + 1;
  }
  return drops;
}

export const describePeak = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

/** CPU of the relay, of this process (all its threads) and of the machine between window start and end. */
async function sampleCpuOverWindow(
  relayPid: number,
  plan: RunPlan,
  now: () => number,
): Promise<
  Pick<
    BenchResult,
    'relayCpuPercent' | 'loadGeneratorCpuPercent' | 'machineCpuPercent' | 'stealCpuPercent' | 'relaySyscallsPerSecond'
  >
> {
  const sample = () => ({
    at: now(),
    relay: processCpuSeconds(relayPid),
    relaySyscalls: processSyscalls(relayPid),
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

/** Extra node flags for the relay: BENCH_RELAY_CPU_PROF=DIR profiles it; BENCH_RELAY_NODE_FLAGS adds any (experiments). */
function relayNodeFlags(env: NodeJS.ProcessEnv): string[] {
  const flags = env.BENCH_RELAY_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const profileDir = env.BENCH_RELAY_CPU_PROF;
  if (profileDir) flags.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`);
  return flags;
}

export function describeThreads(options: BenchOptions): string {
  const where = options.threads === 0 ? 'all on the main thread' : `over ${options.threads} worker threads`;
  return `${CLIENT_LABELS[options.client]}, ${where}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Rejects if the relay exits before the benchmark stops it. */
function unexpectedExit(relay: RelayProcess): Promise<never> {
  const failed = relay.exited.then((code) => {
    if (relay.child.killed) return new Promise<never>(() => undefined);
    throw new Error(`relay exited (${code}) during the benchmark:\n${relay.stderr()}`);
  });
  failed.catch(() => undefined); // observed by whoever awaits it
  return failed;
}
