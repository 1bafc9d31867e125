import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Measurements } from './analysis';
import type { BenchOptions, ClientKind } from './options';
import type { ReadBack } from './read-back';
import type { Summary } from './stats';

/** The target on a 2-core machine: p99 delivery under 15 ms and nothing lost, fsync before ack on. */
export const TARGET_P99_MS = 15;

export interface BenchResult extends Measurements {
  benchmark: 'relay';
  startedAt: string;
  node: string;
  cpus: number;
  config: Omit<BenchOptions, 'json' | 'pairs' | 'against' | 'nodes'> & {
    boardId: string;
    storage: string;
    fsyncProbeMs: Summary;
    /** Extra node flags the relay ran with (BENCH_RELAY_NODE_FLAGS / BENCH_RELAY_CPU_PROF); [] = as shipped. */
    relayNodeFlags: string[];
  };
  /** ms after the window's end until the last straggler was in (or the 2 s cap). */
  drainMs: number;
  /** 100 = one full core. */
  relayCpuPercent: number;
  /** read/write-class syscalls of the relay per second (writev counts as a write), from /proc/<pid>/io. */
  relaySyscallsPerSecond: { reads: number; writes: number };
  loadGeneratorCpuPercent: number;
  /** Per load-generator thread: its CPU and event-loop utilization (0-1) during the window. */
  loadGeneratorThreads: { cpuPercent: number; eventLoopUtilization: number }[];
  /** Both cores together: 200 = the machine was saturated. */
  machineCpuPercent: number;
  /** CPU the hypervisor withheld from this VM during the window (noise, not load). */
  stealCpuPercent: number;
  target: { deliveryP99Ms: number; lost: 0; met: boolean; verdict: 'PASS' | 'MISS'; reasons: string[] };
  /** The relay's largest resident set size from its start to the end of the run. */
  relayPeakRssBytes: number;
  /** Every acknowledged update looked for after kill -9 and a restart. */
  readBack: ReadBack;
  /** Why the numbers may say less about the relay than they seem to (noise, a saturated load generator). */
  caveats: string[];
}

export const CLIENT_LABELS: Record<ClientKind, string> = {
  lean: 'lean (Engine.IO/Socket.IO over raw ws)',
  'socket.io': 'socket.io-client',
};

/** Thresholds past which a run's latencies say as much about the machine or the load generator as the relay. */
const BUSY_LOOP = 0.8;
const NOISY_PERCENT = 10;

export function caveatsOf(result: Omit<BenchResult, 'caveats'>): string[] {
  const caveats: string[] = [];
  const busiest = Math.max(...result.loadGeneratorThreads.map((thread) => thread.eventLoopUtilization));
  if (busiest >= BUSY_LOOP) {
    caveats.push(
      `a load-generator event loop was ${(busiest * 100).toFixed(0)} % busy: latencies include client-side queueing`,
    );
  }
  if (result.stealCpuPercent >= NOISY_PERCENT) {
    caveats.push(`the hypervisor stole ${result.stealCpuPercent.toFixed(0)} % CPU: rerun`);
  }
  const others = result.machineCpuPercent - result.relayCpuPercent - result.loadGeneratorCpuPercent;
  if (others >= NOISY_PERCENT) caveats.push(`other processes used ~${others.toFixed(0)} % CPU: rerun`);
  return caveats;
}

export function judge(measured: Measurements, readBack?: ReadBack): BenchResult['target'] {
  const reasons: string[] = [];
  if (!(measured.deliveryMs.p99 < TARGET_P99_MS)) {
    reasons.push(`delivery p99 ${ms(measured.deliveryMs.p99)} ms is not under ${TARGET_P99_MS} ms`);
  }
  if (measured.lost !== 0) reasons.push(`${measured.lost} deliveries lost`);
  if (measured.acksMissing !== 0) reasons.push(`${measured.acksMissing} acks missing`);
  if (measured.duplicates + measured.echoes + measured.unknown !== 0) reasons.push('unexpected extra deliveries');
  if (measured.sent === 0) reasons.push('nothing was sent in the window');
  if (readBack && readBack.lost > 0) reasons.push(`${readBack.lost} acknowledged updates missing after kill -9`);
  const met = reasons.length === 0;
  return { deliveryP99Ms: TARGET_P99_MS, lost: 0, met, verdict: met ? 'PASS' : 'MISS', reasons };
}

export function formatTable(result: BenchResult, resultFile: string): string {
  const { config } = result;
  const pct = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} %` : 'n/a');
  const latency = (summary: Summary) =>
    `p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  p99 ${ms(summary.p99)}  max ${ms(summary.max)}`;
  const threads = result.loadGeneratorThreads
    .map((thread) => `${pct(thread.cpuPercent)} (loop ${(thread.eventLoopUtilization * 100).toFixed(0)} % busy)`)
    .join(', ');
  const rows: [string, string][] = [
    ['clients', String(config.clients)],
    ['rate', `${config.rateHz} Hz per client (${config.clients * config.rateHz} updates/s into the relay)`],
    ['seconds', `${config.seconds} measured after ${config.warmupSeconds} warm-up`],
    ['storage', `${config.storage}; fdatasync probe p50 ${ms(config.fsyncProbeMs.p50)} ms`],
    ...(config.relayNodeFlags.length > 0
      ? [['relay node flags', `${config.relayNodeFlags.join(' ')} (not the relay as shipped)`] as [string, string]]
      : []),
    ['updates sent', String(result.sent)],
    [
      'delivered/expected',
      `${result.delivered}/${result.expected} (${((result.delivered / Math.max(1, result.expected)) * 100).toFixed(2)} %)`,
    ],
    ['lost', String(result.lost)],
    ['delivery latency ms', latency(result.deliveryMs)],
    ['ack latency ms', `${latency(result.ackMs)}  (missing ${result.acksMissing})`],
    [
      'send lag ms',
      `p50 ${ms(result.sendLagMs.p50)}  p99 ${ms(result.sendLagMs.p99)}  max ${ms(result.sendLagMs.max)}`,
    ],
    ['relay CPU', `${pct(result.relayCpuPercent)} of one core`],
    [
      'relay syscalls',
      `${perSecond(result.relaySyscallsPerSecond.writes)} writes/s, ${perSecond(result.relaySyscallsPerSecond.reads)} reads/s ` +
        `(${(result.relaySyscallsPerSecond.writes / Math.max(1, deliveriesPerSecond(result))).toFixed(2)} writes per delivery)`,
    ],
    ['load generator', `${CLIENT_LABELS[config.client]} client(s), ${describeThreads(config.threads)}`],
    ['load generator CPU', `${pct(result.loadGeneratorCpuPercent)} of one core; thread(s): ${threads}`],
    [
      'machine CPU',
      `${pct(result.machineCpuPercent)} of ${result.cpus * 100} % busy (other processes ` +
        `~${pct(result.machineCpuPercent - result.relayCpuPercent - result.loadGeneratorCpuPercent)}), ` +
        `${pct(result.stealCpuPercent)} stolen by the hypervisor`,
    ],
  ];
  if (result.duplicates + result.echoes + result.unknown > 0) {
    rows.push([
      'extra receipts',
      `duplicates ${result.duplicates}, echoes ${result.echoes}, unknown ${result.unknown}`,
    ]);
  }
  rows.push(
    ['relay peak RSS', `${(result.relayPeakRssBytes / (1024 * 1024)).toFixed(0)} MiB`],
    [
      'read-back',
      `after kill -9 and a restart: ${result.readBack.acknowledged - result.readBack.lost}/` +
        `${result.readBack.acknowledged} acknowledged updates there (lost ${result.readBack.lost})`,
    ],
  );
  rows.push([
    'target',
    `${result.target.verdict}: p99 < ${TARGET_P99_MS} ms and nothing lost` +
      (result.target.met ? '' : ` (${result.target.reasons.join('; ')})`),
  ]);
  for (const caveat of result.caveats) rows.push(['caveat', caveat]);
  rows.push(['result file', resultFile]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** Writes `bench/results/relay-<timestamp>.json` and returns its path. */
export async function saveResult(resultsDir: string, result: { startedAt: string }, name = 'relay'): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, jsonNumbers, 2)}\n`);
  return file;
}

/** JSON has no NaN or Infinity: write them as null. */
export function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function describeThreads(threads: number): string {
  return threads === 0 ? 'all on the main thread' : `${threads} worker threads`;
}

function perSecond(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

function deliveriesPerSecond(result: BenchResult): number {
  return result.delivered / result.config.seconds;
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}
