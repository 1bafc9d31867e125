import { MiB, watchResident } from '../../tests/support/process-memory';
import { postgresMissing, type PostgresEngine, startPostgres } from '../../tests/support/postgres';
import { type RedisEngine, redisMissing, startRedis } from '../../tests/support/redis';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { analyze } from './analysis';
import { BOARD_ID, driveLoad } from './drive-load';
import type { BenchOptions } from './options';
import type { SideBySideRow } from './peers/side-by-side';
import { readBackAfterKill } from './read-back';
import { relayFlagsFor, unexpectedExit } from './run';

/**
 * `bench:relay -- --nodes N`: the same honest load with the clients spread
 * over N relay processes (client i on relay i mod N) that store boards in one
 * throwaway PostgreSQL cluster and fan out through one throwaway Redis, as
 * "Scaling out" in the README deploys them. Afterwards every relay is killed
 * with SIGKILL and a fresh one on the same database must have every update
 * any of them acknowledged.
 */
export async function measureClusterRun(
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<SideBySideRow> {
  const missing = postgresMissing ?? redisMissing;
  if (missing) throw new Error(`--nodes needs PostgreSQL and Redis: ${missing}`);
  let postgres: PostgresEngine | undefined;
  let redis: RedisEngine | undefined;
  const relays: RelayProcess[] = [];
  const memories: ReturnType<typeof watchResident>[] = [];
  try {
    postgres = await startPostgres();
    redis = await startRedis();
    const store = await postgres.createDatabase();
    const relayArgs = (node: string) => [
      ...['--port', '0', '--store', store, '--redis', redis!.url, '--node', node, '--log-level', 'warn'],
      ...relayFlagsFor(options),
    ];
    for (let node = 0; node < options.nodes; node++) {
      // One at a time: the first runs the schema migrations.
      const relay = await startRelayProcess(relayArgs(`node-${node}`), { timeoutMs: 60_000 });
      relays.push(relay);
      memories.push(watchResident(relay.pid, 100));
    }
    progress(
      `${options.nodes} relays on PostgreSQL ${store} and Redis ${redis.url}: ${relays.map((relay) => relay.url).join(', ')}`,
    );
    const failed = Promise.race(relays.map(unexpectedExit));
    const target = {
      urls: relays.map((relay) => relay.url),
      pids: relays.map((relay) => relay.pid),
      client: options.client,
      failed,
    };
    const { results, plan, window } = await driveLoad(target, options, progress);
    const peaks = memories.map((memory) => memory.stop());

    progress('killing every relay (SIGKILL), reading every acknowledged update back through a fresh one');
    for (const relay of relays.slice(1)) {
      relay.child.kill('SIGKILL');
      await relay.exited;
    }
    const readBack = await readBackAfterKill(
      relays[0]!,
      () => startRelayProcess(relayArgs('read-back'), { timeoutMs: 60_000 }),
      results,
      BOARD_ID,
    );
    relays[0] = readBack.relay;
    return {
      server: `easel ×${options.nodes}`,
      durability:
        `${options.nodes} relays, PostgreSQL (acks after commit) + Redis streams; ` +
        `${readBack.readBack.lost} of ${readBack.readBack.acknowledged} acked lost after kill -9 of every node; ` +
        `peak RSS per node ${peaks.map((bytes) => (bytes / MiB).toFixed(0)).join(', ')} MiB`,
      measured: analyze(results, plan, options.clients, options.nodes),
      cpuPercent: window.relayCpuPercent,
      peakRssBytes: peaks.reduce((total, bytes) => total + bytes, 0),
      machineCpuPercent: window.machineCpuPercent,
    };
  } finally {
    for (const memory of memories) memory.stop();
    await Promise.allSettled(relays.map((relay) => relay.stop()));
    await redis?.kill();
    await postgres?.destroy();
  }
}
