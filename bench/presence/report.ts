import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Summary } from '../relay/stats';

/** The target: the cursor drawn on the other side within 50 ms (p95) with ten people on the board. */
export const TARGET_PEOPLE = 10;
export const TARGET_P95_MS = 50;

export interface PeopleResult {
  people: number;
  /** Headless protocol clients among them (everyone but the Mover and the Watcher). */
  headless: number;
  jump: {
    jumps: number;
    /** Until the Watcher's socket received the position (before the app handled it). */
    receipt: Summary;
    transit: Summary;
    arrival: Summary;
    superseded: number;
    unseen: number;
    notAtRest: number;
  };
  sweep: { lag: Summary };
  /** The Watcher's animation frames per second while it measured. */
  watcherFps: number;
  /** Measured window: the jumps and sweeps, with everyone publishing. */
  seconds: number;
  relay: {
    inBytesPerSecond: number;
    outBytesPerSecond: number;
    /** Percent of one core. */
    cpuPercent: number;
    /** Cursors moving on the board: everyone but the Watcher. */
    activeCursors: number;
    cpuPercentPerActiveCursor: number;
  };
  /** Presence updates the headless people sent per second, all together. */
  headlessUpdatesPerSecond: number;
  /** Headless people whose connection ended during the run (their heartbeat fell behind). */
  headlessDropped: number;
}

export interface PresenceBenchResult {
  startedAt: string;
  options: { people: number[]; rateHz: number; jumps: number; sweeps: number };
  environment: {
    chromium: string;
    viewport: string;
    node: string;
    cpu: string;
    cores: number;
    clock: string;
    /** The machine's 1, 5 and 15 min load averages when the run ended: other work on it skews every number. */
    loadAverage: number[];
  };
  target: {
    people: number;
    p95Ms: number;
    metric: 'jump arrival';
    verdict: 'PASS' | 'MISS' | 'n/a';
    p95AtTarget: number | null;
  };
  results: PeopleResult[];
}

export function verdictOf(results: readonly PeopleResult[]): PresenceBenchResult['target'] {
  const base = { people: TARGET_PEOPLE, p95Ms: TARGET_P95_MS, metric: 'jump arrival' as const };
  const at = results.find((result) => result.people === TARGET_PEOPLE);
  if (!at || at.jump.arrival.count === 0) return { ...base, verdict: 'n/a', p95AtTarget: null };
  const p95 = at.jump.arrival.p95;
  return { ...base, verdict: p95 < TARGET_P95_MS ? 'PASS' : 'MISS', p95AtTarget: p95 };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const triple = (s: Summary) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}`;
const kb = (bytes: number) => fmt(bytes / 1000, 0);

export function formatTable(result: PresenceBenchResult): string {
  const header = [
    'people',
    'jump receipt p50/p95/p99',
    'jump transit p50/p95/p99',
    'jump arrival p50/p95/p99',
    'missed',
    'sweep lag p50/p95/p99',
    'watcher fps',
    'relay in/out kB/s',
    'relay CPU',
    'CPU/cursor',
    'headless sent/s',
  ];
  const rows = result.results.map((r) => [
    String(r.people),
    triple(r.jump.receipt),
    triple(r.jump.transit),
    triple(r.jump.arrival),
    `${r.jump.superseded + r.jump.unseen}/${r.jump.jumps}`,
    triple(r.sweep.lag),
    fmt(r.watcherFps, 0),
    `${kb(r.relay.inBytesPerSecond)} / ${kb(r.relay.outBytesPerSecond)}`,
    `${fmt(r.relay.cpuPercent, 0)} %`,
    `${fmt(r.relay.cpuPercentPerActiveCursor, 2)} %`,
    `${fmt(r.headlessUpdatesPerSecond, 0)} of ${fmt(r.headless * result.options.rateHz, 0)}` +
      (r.headlessDropped > 0 ? ` (${r.headlessDropped} dropped)` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  const env = result.environment;
  const target = result.target;
  return [
    `Presence benchmark: Mover's pointer → Watcher's drawn cursor, ms (${env.clock}); ` +
      `headless people at ${result.options.rateHz} Hz`,
    `Chromium ${env.chromium}, headless, ${env.viewport}; ${env.cpu} x${env.cores}; node ${env.node}; ` +
      `load average ${env.loadAverage.join(' ')}`,
    '',
    line(header),
    line(header.map((h, i) => '-'.repeat(widths[i] ?? h.length))),
    ...rows.map(line),
    '',
    "receipt: until the Watcher's socket has the position; transit: until its cursor starts to move;",
    'arrival: until the cursor is drawn at the point (it glides there);',
    'missed: jumps whose point was never drawn before the next jump; sweep lag: 60 Hz motion, per Watcher frame;',
    'relay CPU: percent of one core; CPU/cursor: per cursor moving on the board (everyone but the Watcher);',
    'headless sent/s: presence updates the headless people got out, of those planned (fewer: the load generator fell behind).',
    target.verdict === 'n/a'
      ? `Target (p95 ${target.metric} < ${TARGET_P95_MS} ms at ${TARGET_PEOPLE} people): n/a, that size was not run.`
      : `Target (p95 ${target.metric} < ${TARGET_P95_MS} ms at ${TARGET_PEOPLE} people): ${target.verdict} ` +
        `(p95 ${fmt(target.p95AtTarget ?? NaN)} ms).`,
  ].join('\n');
}

export async function saveResult(resultsDir: string, result: PresenceBenchResult): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `presence-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  const numbers = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value;
  await writeFile(file, `${JSON.stringify(result, numbers, 2)}\n`);
  return file;
}
