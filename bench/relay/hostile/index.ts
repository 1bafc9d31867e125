import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { GUEST_KINDS, type GuestKind, type HostileTally } from './guests';

export { HONEST_BOARD, type HostileTally } from './guests';

/**
 * Starts the hostile guests (guests.ts) on a worker thread of their own, so
 * the honest clients' event loop measures the relay, not them.
 */
export function startHostileGuests(
  url: string,
  kinds: readonly GuestKind[] = GUEST_KINDS,
): { stop(): Promise<HostileTally> } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { url, kinds: [...kinds] } });
  const failed = once(worker, 'error').then(([error]) => {
    throw error instanceof Error ? error : new Error(String(error));
  });
  failed.catch(() => undefined);
  return {
    async stop() {
      const tally = once(worker, 'message').then(([message]) => message as HostileTally);
      worker.postMessage('stop');
      const result = await Promise.race([tally, failed]);
      await worker.terminate();
      return result;
    },
  };
}

/**
 * BENCH_HOSTILE_GUESTS=bomber,flood,… runs only those kinds (to see which one
 * costs the honest clients what); unset, every kind runs.
 */
export function guestKindsFrom(env: NodeJS.ProcessEnv): GuestKind[] {
  const named = env.BENCH_HOSTILE_GUESTS?.split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  if (!named || named.length === 0) return [...GUEST_KINDS];
  const unknown = named.filter((kind) => !(GUEST_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0)
    throw new Error(`BENCH_HOSTILE_GUESTS: unknown ${unknown.join(', ')}; kinds: ${GUEST_KINDS.join(', ')}`);
  return named as GuestKind[];
}
