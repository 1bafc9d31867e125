import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MiB, watchResident } from '../../tests/support/process-memory';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { analyze } from './analysis';
import { probeFsync } from './fsync-probe';
import { BOARD_ID, driveLoad, sleep } from './drive-load';
import { guestKindsFrom, type HostileTally, startHostileGuests } from './hostile';
import type { BenchOptions } from './options';
import { readBackAfterKill } from './read-back';
import { type BenchResult, caveatsOf, judge } from './report';

/**
 * One run of `npm run bench:relay`: one board of N clients, each writing a
 * small Yjs update at R Hz through a real relay process (file storage, fsync
 * before every ack), for a warm-up and then a measured window (drive-load.ts);
 * with `hostile`, the hostile guests (hostile/guests.ts) run beside them from
 * the start to the end. Afterwards the relay is killed (SIGKILL) and
 * restarted, and every acknowledged update is looked for (read-back.ts).
 */
/** Hostile guests get this long to get going before the honest clients join. */
const HOSTILE_HEAD_START_MS = 2_000;

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

    const target = { urls: [relay.url], pids: [relay.pid], client: options.client, failed };
    const { results, plan, window, drainMs, startedAt } = await driveLoad(target, options, progress);
    const hostileTally = guests ? await guests.stop() : null;
    guests = undefined;
    const peakBeforeReadBack = memory.stop();

    const measured = analyze(results, plan, options.clients);
    const measuredRun = {
      benchmark: 'relay' as const,
      startedAt,
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

/** Extra node flags for the relay: BENCH_RELAY_CPU_PROF=DIR profiles it; BENCH_RELAY_NODE_FLAGS adds any (experiments). */
function relayNodeFlags(env: NodeJS.ProcessEnv): string[] {
  const flags = env.BENCH_RELAY_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const profileDir = env.BENCH_RELAY_CPU_PROF;
  if (profileDir) flags.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`);
  return flags;
}

/** Rejects if the relay exits before the benchmark stops it. */
export function unexpectedExit(relay: RelayProcess): Promise<never> {
  const failed = relay.exited.then((code) => {
    if (relay.child.killed) return new Promise<never>(() => undefined);
    throw new Error(`relay exited (${code}) during the benchmark:\n${relay.stderr()}`);
  });
  failed.catch(() => undefined); // observed by whoever awaits it
  return failed;
}
