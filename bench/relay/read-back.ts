import * as Y from 'yjs';
import { connectRaw, request } from '../../tests/support/protocol-client';
import type { RelayProcess } from '../../tests/support/relay-process';
import type { GroupResult } from './client-group';
import { MAX_CLOCK } from './update-id';

export interface ReadBack {
  /** Updates the relay acknowledged during the run (warm-up and tail included). */
  acknowledged: number;
  /** Of those, how many the relay did not have after kill -9 and a restart. */
  lost: number;
  /** How long the restarted relay took to answer the join (ms). */
  joinMs: number;
}

/**
 * Nothing acknowledged is lost: kills the relay with SIGKILL (no flush, no
 * goodbye), starts it again on the same data dir, joins the board and checks
 * that its state vector covers every update an ack was received for. Every
 * benchmark edit is one struct, named by its client id and clock (update-id.ts).
 */
export async function readBackAfterKill(
  relay: RelayProcess,
  restart: () => Promise<RelayProcess>,
  results: GroupResult[],
  boardId: string,
  /** SIGTERM only to let a profiled relay write its profile (BENCH_RELAY_CPU_PROF); then it flushes first. */
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<{ readBack: ReadBack; relay: RelayProcess }> {
  const acked: { client: number; clock: number }[] = [];
  for (const result of results) {
    for (let i = 0; i < result.sendKeys.length; i++) {
      if (Number.isNaN(result.ackMs[i])) continue;
      const key = result.sendKeys[i]!;
      acked.push({ client: Math.floor(key / MAX_CLOCK), clock: key % MAX_CLOCK });
    }
  }
  relay.child.kill(signal);
  await relay.exited;
  const restarted = await restart();
  const socket = await connectRaw(restarted.url);
  try {
    const started = performance.now();
    const ack = await request<{ ok: boolean; stateVector?: ArrayBuffer }>(
      socket,
      'board:join',
      { boardId, stateVector: Y.encodeStateVector(new Y.Doc()) },
      60_000,
    );
    const joinMs = performance.now() - started;
    if (!ack.ok || !ack.stateVector) throw new Error(`read-back join failed: ${JSON.stringify(ack)}`);
    const stateVector = Y.decodeStateVector(new Uint8Array(ack.stateVector));
    const lost = acked.filter(({ client, clock }) => clock >= (stateVector.get(client) ?? 0)).length;
    return { readBack: { acknowledged: acked.length, lost, joinMs }, relay: restarted };
  } finally {
    socket.close();
  }
}
