/**
 * `npm run bench:load` flags, and the targets it checks (issue 13): a board
 * link's first visit on a 1.6 Mbit/s link with 150 ms latency transfers at
 * most 350 KB and shows a usable toolbar within 2.5 s.
 */
import type { OptionsParse } from '../support/cli';

export const TARGET_BYTES = 350 * 1000;
export const TARGET_USABLE_MS = 2_500;
/** 1.6 Mbit/s, both ways, and 150 ms added to every request (Chromium's throttling, as DevTools' presets do it). */
export const LINK = { downloadBytesPerSecond: 1.6e6 / 8, uploadBytesPerSecond: 1.6e6 / 8, latencyMs: 150 };

export interface LoadBenchOptions {
  runs: number;
  skipBuild: boolean;
}

export const USAGE = `Usage: npm run bench:load -- [--runs 3] [--skip-build]

Opens a board link in headless Chromium as a first visit (empty cache, no
service worker) over a throttled link (1.6 Mbit/s, 150 ms), against a real relay
serving the built client; reports the bytes transferred and the time until the
toolbar is usable, with and without compression, the median of --runs.`;

export function parseLoadOptions(argv: readonly string[]): OptionsParse<LoadBenchOptions> {
  const options: LoadBenchOptions = { runs: 3, skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--skip-build') options.skipBuild = true;
    else if (flag === '--runs') {
      const runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1 || runs > 20) return { kind: 'error', message: '--runs takes 1 to 20' };
      options.runs = runs;
    } else return { kind: 'error', message: `unknown flag ${String(flag)}` };
  }
  return { kind: 'run', options };
}

export interface LoadRun {
  /** Bytes on the wire (headers included) for every HTTP response until the toolbar was usable. */
  bytes: number;
  requests: number;
  /** From navigation start. */
  usableMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function summarise(runs: readonly LoadRun[]): LoadRun {
  return {
    bytes: median(runs.map((run) => run.bytes)),
    requests: median(runs.map((run) => run.requests)),
    usableMs: median(runs.map((run) => run.usableMs)),
  };
}

export function verdict(run: LoadRun): { bytes: boolean; usable: boolean } {
  return { bytes: run.bytes <= TARGET_BYTES, usable: run.usableMs <= TARGET_USABLE_MS };
}
