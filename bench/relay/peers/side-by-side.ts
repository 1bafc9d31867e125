import { MiB, watchResident } from '../../../tests/support/process-memory';
import { analyze, type Measurements } from '../analysis';
import { driveLoad } from '../drive-load';
import type { BenchOptions } from '../options';
import type { BenchResult } from '../report';
import { type Peer, PEERS, startPeer } from './peer-process';

/**
 * `bench:relay -- --against hocuspocus,y-websocket`: the same honest load
 * (drive-load.ts, same clients, rate and window, an equally lean client per
 * protocol) against Easel's relay and each peer in turn, one table.
 */
export interface SideBySideRow {
  /** `easel`, a peer's name, or `easel ×N` for N relays. */
  server: string;
  /** What the server promises when it acks (or that it does not ack). */
  durability: string;
  measured: Measurements;
  cpuPercent: number;
  peakRssBytes: number;
  machineCpuPercent: number;
}

export function easelRow(result: BenchResult): SideBySideRow {
  return {
    server: 'easel',
    durability: `acks after fsync; ${result.readBack.lost} of ${result.readBack.acknowledged} acked lost after kill -9`,
    measured: result,
    cpuPercent: result.relayCpuPercent,
    peakRssBytes: result.relayPeakRssBytes,
    machineCpuPercent: result.machineCpuPercent,
  };
}

const PEER_DURABILITY: Record<Peer, string> = {
  hocuspocus: 'acks once applied in memory (SyncStatus); stores nothing by default',
  'y-websocket': 'no acks; in memory only',
};

export async function measurePeer(
  peer: Peer,
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<SideBySideRow> {
  const server = await startPeer(peer);
  const memory = watchResident(server.pid, 100);
  try {
    progress(`${peer} pid ${server.pid} at ${server.url}`);
    const target = { urls: [server.url], pids: [server.pid], client: peer, failed: server.failed };
    const { results, plan, window } = await driveLoad(target, options, progress);
    return {
      server: peer,
      durability: PEER_DURABILITY[peer],
      measured: analyze(results, plan, options.clients),
      cpuPercent: window.relayCpuPercent,
      peakRssBytes: memory.peak(),
      machineCpuPercent: window.machineCpuPercent,
    };
  } finally {
    memory.stop();
    await server.stop();
  }
}

/** Easel's delivery p99 over the best peer's (lower is better; ≤ 1 meets issue 16's target). */
export function ratioToBestPeer(rows: SideBySideRow[]): { ratio: number; bestPeer: SideBySideRow | null } {
  const easel = rows.find((row) => row.server === 'easel');
  const peers = rows.filter((row) => (PEERS as readonly string[]).includes(row.server) && row.measured.lost === 0);
  if (!easel || peers.length === 0) return { ratio: NaN, bestPeer: null };
  const bestPeer = peers.reduce((best, row) =>
    row.measured.deliveryMs.p99 < best.measured.deliveryMs.p99 ? row : best,
  );
  return { ratio: easel.measured.deliveryMs.p99 / bestPeer.measured.deliveryMs.p99, bestPeer };
}

export function formatSideBySide(rows: SideBySideRow[], options: BenchOptions, loadAverage: number[]): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
  const header = [
    'server',
    'delivery p50',
    'p95',
    'p99',
    'cross-node p99',
    'ack p99',
    'delivered',
    'CPU %',
    'peak RSS',
  ];
  const lines = rows.map((row) => [
    row.server,
    ms(row.measured.deliveryMs.p50),
    ms(row.measured.deliveryMs.p95),
    ms(row.measured.deliveryMs.p99),
    row.measured.crossNodeDeliveryMs ? ms(row.measured.crossNodeDeliveryMs.p99) : '–',
    row.measured.acksMissing === row.measured.sent ? 'no acks' : ms(row.measured.ackMs.p99),
    `${row.measured.delivered}/${row.measured.expected}`,
    row.cpuPercent.toFixed(0),
    `${(row.peakRssBytes / MiB).toFixed(0)} MiB`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  const { ratio, bestPeer } = ratioToBestPeer(rows);
  const comparesPeers = rows.some((row) => (PEERS as readonly string[]).includes(row.server));
  const verdict = !comparesPeers
    ? []
    : bestPeer
      ? [`Easel's p99 is ${ratio.toFixed(2)}× ${bestPeer.server}'s (target ≤ 1×: ${ratio <= 1 ? 'MET' : 'MISSED'})`]
      : ['no peer delivered everything: no ratio'];
  return [
    `── ${options.clients} clients × ${options.rateHz} Hz, ${options.seconds} s measured (latencies in ms)`,
    format(header),
    ...lines.map(format),
    '',
    ...rows.map((row) => `${row.server.padEnd(12)} ${row.durability}`),
    '',
    ...verdict,
    `load average ${loadAverage.map((value) => value.toFixed(2)).join(' ')}`,
  ].join('\n');
}
