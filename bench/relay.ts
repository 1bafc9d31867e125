import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchCli } from './support/cli';
import { analyze } from './relay/analysis';
import type { GroupResult, RunPlan } from './relay/client-group';
import { cpuPercent, machineCpuSeconds, processCpuSeconds, processSyscalls } from './relay/cpu';
import { probeFsync } from './relay/fsync-probe';
import { createGroups, type GroupHandle } from './relay/groups';
import { type BenchOptions, parseBenchOptions, USAGE } from './relay/options';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import {
  type BenchResult,
  caveatsOf,
  CLIENT_LABELS,
  formatTable,
  jsonNumbers,
  judge,
  saveResult,
} from './relay/report';

/**
 * `npm run bench:relay`: one board of N clients, each writing a small Yjs
 * update at R Hz through a real relay process (file storage, fsync before
 * every ack), for a warm-up and then a measured window. Prints delivery and
 * ack latency, delivered/expected, and the CPU of the relay and of the load
 * generator, so a reader can tell which side was the bottleneck.
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
const BOARD_ID = 'bench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every simulated client connects from 127.0.0.1, so the per-address budgets
 * (README: Limits and budgets) are raised to let one address carry the whole
 * honest load; the budgets themselves are tested in server/relay-budgets.test.ts.
 */
const ONE_ADDRESS_LOAD = [
  ...['--max-connections-per-ip', '100000', '--handshakes-per-ip-per-minute', '100000'],
  ...['--new-boards-per-ip-per-hour', '100000'],
];

async function main(options: BenchOptions): Promise<number> {
  const progress = (line: string) => {
    if (!options.json) process.stderr.write(`[bench:relay] ${line}\n`);
  };

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'easel-bench-relay-'));
  let relay: RelayProcess | undefined;
  let groups: GroupHandle[] = [];
  try {
    const fsyncProbeMs = await probeFsync(dataDir);
    const nodeFlags = relayNodeFlags(process.env);
    relay = await startRelayProcess(
      ['--port', '0', '--data-dir', dataDir, '--log-level', 'warn', ...ONE_ADDRESS_LOAD],
      {
        nodeArgs: nodeFlags,
      },
    );
    progress(`relay pid ${relay.pid} at ${relay.url}${nodeFlags.length > 0 ? ` (node ${nodeFlags.join(' ')})` : ''}`);
    const failed = unexpectedExit(relay);

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

    const measured = analyze(results, plan, options.clients);
    const measuredRun: Omit<BenchResult, 'caveats'> = {
      benchmark: 'relay',
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
    const result: BenchResult = { ...measuredRun, caveats: caveatsOf(measuredRun) };
    const file = await saveResult(path.join(repoRoot, 'bench/results'), result);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(result, jsonNumbers)}\n`
        : `${formatTable(result, path.relative(repoRoot, file))}\n`,
    );
    return 0;
  } finally {
    await Promise.allSettled(groups.map((group) => group.dispose()));
    if (relay) {
      const code = await relay.stop();
      if (code !== 0) progress(`relay exited with ${code} on SIGTERM:\n${relay.stderr()}`);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

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

function describeThreads(options: BenchOptions): string {
  const where = options.threads === 0 ? 'all on the main thread' : `over ${options.threads} worker threads`;
  return `${CLIENT_LABELS[options.client]}, ${where}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

runBenchCli('bench:relay', USAGE, parseBenchOptions, main);

/** Rejects if the relay exits before the benchmark stops it. */
function unexpectedExit(relay: RelayProcess): Promise<never> {
  const failed = relay.exited.then((code) => {
    if (relay.child.killed) return new Promise<never>(() => undefined);
    throw new Error(`relay exited (${code}) during the benchmark:\n${relay.stderr()}`);
  });
  failed.catch(() => undefined); // observed by whoever awaits it
  return failed;
}
