import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { HostileTally } from './guests';

export { HONEST_BOARD, type HostileTally } from './guests';

/**
 * Starts the hostile guests (guests.ts) on a worker thread of their own, so
 * the honest clients' event loop measures the relay, not them.
 */
export function startHostileGuests(url: string): { stop(): Promise<HostileTally> } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { url } });
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
