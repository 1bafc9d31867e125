import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type GuestKind, HostileGuests } from './guests';

/**
 * Worker-thread entry: runs the hostile guests against `workerData.url` until
 * told to stop, then posts the tally.
 *
 * Real hostile guests run on their own machines; here they share the relay's
 * cores. At the lowest CPU priority (on Linux, setpriority with pid 0 renices
 * only the calling thread) the guests get the CPU the relay and the honest
 * clients leave, so the comparison measures what the relay spends on them, not
 * what generating them takes from it. Every request they send still arrives.
 */
const LOWEST_PRIORITY = 19;
try {
  setPriority(LOWEST_PRIORITY);
} catch {
  // Not permitted or not supported: the guests then compete at normal priority, which only makes the run stricter.
}

const port = parentPort!;
const { url, kinds } = workerData as { url: string; kinds: GuestKind[] };
const guests = new HostileGuests(url);
guests.start(kinds);
port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  void guests.stop().then((tally) => {
    port.postMessage(tally);
    port.close();
  });
});
