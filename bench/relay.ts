import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchCli } from './support/cli';
import { compareRuns, formatHostileSummary } from './relay/hostile/report';
import { type BenchOptions, parseBenchOptions, USAGE } from './relay/options';
import { formatTable, jsonNumbers, saveResult } from './relay/report';
import { easelRow, formatSideBySide, measurePeer, ratioToBestPeer } from './relay/peers/side-by-side';
import { measureClusterRun } from './relay/cluster-run';
import { measureRun, type RunOutcome } from './relay/run';

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
  if (options.against.length > 0 || options.nodes > 1) return sideBySide(options, progress);
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

  const clean: RunOutcome[] = [];
  const hostile: RunOutcome[] = [];
  for (let pair = 1; pair <= options.pairs; pair++) {
    const of = `pair ${pair} of ${options.pairs}`;
    progress(`${of}: the honest load alone`);
    clean.push(await measureRun(options, false, progress));
    progress(`${of}: the same load with hostile guests beside it`);
    hostile.push(await measureRun(options, true, progress));
  }
  const comparison = compareRuns(
    clean.map((run) => run.result),
    hostile.map((run) => run.result),
  );
  const loadAverage = os.loadavg();
  const last = hostile[hostile.length - 1]!;
  const combined = {
    benchmark: 'relay-hostile',
    startedAt: clean[0]!.result.startedAt,
    comparison,
    hostileGuests: last.hostile,
    relayDrops: last.relayDrops,
    loadAverage,
    clean: clean.map((run) => run.result),
    hostile: hostile.map((run) => ({ ...run.result, hostileGuests: run.hostile, relayDrops: run.relayDrops })),
  };
  const file = await saveResult(resultsDir, combined, 'relay-hostile');
  if (options.json) {
    process.stdout.write(`${JSON.stringify(combined, jsonNumbers)}\n`);
    return 0;
  }
  const relative = path.relative(repoRoot, file);
  const sections =
    options.pairs === 1
      ? [
          '── without hostile guests',
          formatTable(clean[0]!.result, relative),
          '',
          '── with hostile guests',
          formatTable(last.result, relative),
        ]
      : [
          '── runs (delivery p99, relay peak RSS, lost after kill -9)',
          ...clean.map((run, i) => `pair ${i + 1}  clean    ${oneLine(run)}\n        hostile  ${oneLine(hostile[i]!)}`),
          `result file  ${relative}`,
        ];
  process.stdout.write(
    [
      ...sections,
      '',
      '── comparison',
      formatHostileSummary(comparison, last.hostile!, last.relayDrops, loadAverage),
      '',
    ].join('\n'),
  );
  return 0;
}

async function sideBySide(options: BenchOptions, progress: (line: string) => void): Promise<number> {
  progress('easel: the relay as shipped (file store, fsync before every ack)');
  const { result } = await measureRun(options, false, progress);
  const rows = [easelRow(result)];
  for (const peer of options.against) {
    progress(`${peer}: its default in-memory configuration`);
    rows.push(await measurePeer(peer, options, progress));
  }
  if (options.nodes > 1) {
    progress(`easel ×${options.nodes}: relays on PostgreSQL and Redis, clients spread over them`);
    rows.push(await measureClusterRun(options, progress));
  }
  const loadAverage = os.loadavg();
  const { ratio, bestPeer } = ratioToBestPeer(rows);
  const combined = {
    benchmark: 'relay-side-by-side',
    startedAt: result.startedAt,
    config: { clients: options.clients, rateHz: options.rateHz, seconds: options.seconds, nodes: options.nodes },
    rows,
    easelP99OverBestPeer: ratio,
    bestPeer: bestPeer?.server ?? null,
    loadAverage,
  };
  const file = await saveResult(resultsDir, combined, 'relay-side-by-side');
  process.stdout.write(
    options.json
      ? `${JSON.stringify(combined, jsonNumbers)}\n`
      : `${formatSideBySide(rows, options, loadAverage)}\nresult file  ${path.relative(repoRoot, file)}\n`,
  );
  return 0;
}

function oneLine({ result }: RunOutcome): string {
  const mib = (result.relayPeakRssBytes / (1024 * 1024)).toFixed(0);
  return `p99 ${result.deliveryMs.p99.toFixed(2)} ms, ${mib} MiB, lost ${result.readBack.lost}, caveats: ${result.caveats.length}`;
}

runBenchCli('bench:relay', USAGE, parseBenchOptions, main);
