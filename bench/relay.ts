import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchCli } from './support/cli';
import { compareRuns, formatHostileSummary } from './relay/hostile/report';
import { type BenchOptions, parseBenchOptions, USAGE } from './relay/options';
import { formatTable, jsonNumbers, saveResult } from './relay/report';
import { measureRun } from './relay/run';

/**
 * `npm run bench:relay`: one board of N clients writing through a real relay
 * process (relay/run.ts), then every acknowledged update read back after
 * kill -9. With --hostile it runs twice, without and with hostile guests
 * beside the honest clients (relay/hostile/), and compares the honest p99 and
 * the relay's peak RSS (issue 11's targets).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(repoRoot, 'bench/results');

async function main(options: BenchOptions): Promise<number> {
  const progress = (line: string) => {
    if (!options.json) process.stderr.write(`[bench:relay] ${line}\n`);
  };
  if (!options.hostile) {
    const { result } = await measureRun(options, false, progress);
    const file = await saveResult(resultsDir, result);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(result, jsonNumbers)}\n`
        : `${formatTable(result, path.relative(repoRoot, file))}\n`,
    );
    return 0;
  }

  progress('run 1 of 2: the honest load alone');
  const clean = await measureRun(options, false, progress);
  progress('run 2 of 2: the same load with hostile guests beside it');
  const hostile = await measureRun(options, true, progress);
  const comparison = compareRuns(clean.result, hostile.result);
  const loadAverage = os.loadavg();
  const combined = {
    benchmark: 'relay-hostile',
    startedAt: clean.result.startedAt,
    comparison,
    hostileGuests: hostile.hostile,
    relayDrops: hostile.relayDrops,
    loadAverage,
    clean: clean.result,
    hostile: hostile.result,
  };
  const file = await saveResult(resultsDir, combined, 'relay-hostile');
  if (options.json) {
    process.stdout.write(`${JSON.stringify(combined, jsonNumbers)}\n`);
    return 0;
  }
  const relative = path.relative(repoRoot, file);
  process.stdout.write(
    [
      '── without hostile guests',
      formatTable(clean.result, relative),
      '',
      '── with hostile guests',
      formatTable(hostile.result, relative),
      '',
      '── comparison',
      formatHostileSummary(comparison, hostile.hostile!, hostile.relayDrops, loadAverage),
      '',
    ].join('\n'),
  );
  return 0;
}

runBenchCli('bench:relay', USAGE, parseBenchOptions, main);
