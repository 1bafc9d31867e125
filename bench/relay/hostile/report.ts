import type { BenchResult } from '../report';
import type { HostileTally } from './guests';

/** Issue 11's targets for the hostile run. */
export const HOSTILE_TARGETS = {
  /** Honest delivery p99 with hostile guests, at most this many times the run without them. */
  p99Ratio: 1.5,
  peakRssBytes: 512 * 1024 * 1024,
} as const;

export interface HostileComparison {
  /** Median over the runs of each kind. */
  cleanP99Ms: number;
  hostileP99Ms: number;
  ratio: number;
  cleanPeakRssBytes: number;
  hostilePeakRssBytes: number;
  /** Acknowledged updates missing after kill -9 (read-back), and honest deliveries lost, in both runs. */
  acknowledgedLost: number;
  deliveriesLost: number;
  met: boolean;
  verdict: 'PASS' | 'MISS';
  reasons: string[];
}

/** Compares runs without and with hostile guests: median p99 of each, the largest peak RSS, everything lost. */
export function compareRuns(clean: BenchResult[], hostile: BenchResult[]): HostileComparison {
  const cleanP99Ms = median(clean.map((run) => run.deliveryMs.p99));
  const hostileP99Ms = median(hostile.map((run) => run.deliveryMs.p99));
  const ratio = hostileP99Ms / cleanP99Ms;
  const all = [...clean, ...hostile];
  const acknowledgedLost = sum(all.map((run) => run.readBack.lost));
  const deliveriesLost = sum(all.map((run) => run.lost));
  const cleanPeakRssBytes = Math.max(...clean.map((run) => run.relayPeakRssBytes));
  const hostilePeakRssBytes = Math.max(...hostile.map((run) => run.relayPeakRssBytes));
  const reasons: string[] = [];
  if (!(ratio <= HOSTILE_TARGETS.p99Ratio)) {
    reasons.push(`honest p99 is ${ratio.toFixed(2)}× the clean run's, over ${HOSTILE_TARGETS.p99Ratio}×`);
  }
  if (!(hostilePeakRssBytes < HOSTILE_TARGETS.peakRssBytes)) {
    reasons.push(`relay peak RSS ${mib(hostilePeakRssBytes)} is not under ${mib(HOSTILE_TARGETS.peakRssBytes)}`);
  }
  if (acknowledgedLost > 0) reasons.push(`${acknowledgedLost} acknowledged updates lost`);
  if (deliveriesLost > 0) reasons.push(`${deliveriesLost} honest deliveries lost`);
  const met = reasons.length === 0;
  return {
    cleanP99Ms,
    hostileP99Ms,
    ratio,
    cleanPeakRssBytes,
    hostilePeakRssBytes,
    acknowledgedLost,
    deliveriesLost,
    met,
    verdict: met ? 'PASS' : 'MISS',
    reasons,
  };
}

export function formatHostileSummary(
  comparison: HostileComparison,
  tally: HostileTally,
  drops: Record<string, number>,
  loadAverage: number[],
): string {
  const codes = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  const rows: [string, string][] = [
    [
      'honest delivery p99',
      `${ms(comparison.cleanP99Ms)} ms clean, ${ms(comparison.hostileP99Ms)} ms with hostile guests (medians) ` +
        `(${comparison.ratio.toFixed(2)}×; target ≤ ${HOSTILE_TARGETS.p99Ratio}×)`,
    ],
    [
      'relay peak RSS',
      `${mib(comparison.cleanPeakRssBytes)} clean, ${mib(comparison.hostilePeakRssBytes)} with hostile guests ` +
        `(target < ${mib(HOSTILE_TARGETS.peakRssBytes)})`,
    ],
    [
      'nothing lost',
      `${comparison.acknowledgedLost} acknowledged updates missing after kill -9, ` +
        `${comparison.deliveriesLost} honest deliveries lost (both runs)`,
    ],
    [
      'bomber',
      `${tally.bombs} subdocument bombs, ${tally.foreignRoots} foreign roots, ${tally.orphans} orphans: ` +
        codes(tally.bomberAnswers),
    ],
    ['flooder', `${tally.floodUpdates} updates of 1 MiB: ${codes(tally.floodAnswers)}`],
    ['slow readers', `${tally.slowReadersJoined} joined, ${tally.slowReadersRefused} refused`],
    ['relay dropped', codes(drops)],
    ['board churn', codes(tally.churnJoins)],
    ['reconnect storm', `${tally.reconnects} connected, ${tally.reconnectsRefused} refused`],
    ['join spam', codes(tally.joinSpam)],
    ['load average', loadAverage.map((value) => value.toFixed(2)).join(' ')],
    [
      'target',
      `${comparison.verdict}: p99 ≤ ${HOSTILE_TARGETS.p99Ratio}× clean, peak RSS < ${mib(HOSTILE_TARGETS.peakRssBytes)}, ` +
        `nothing lost${comparison.met ? '' : ` (${comparison.reasons.join('; ')})`}`,
    ],
  ];
  for (const error of tally.errors) rows.push(['guest error', error]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}
