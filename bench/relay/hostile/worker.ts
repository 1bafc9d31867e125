import { parentPort, workerData } from 'node:worker_threads';
import { type GuestKind, HostileGuests } from './guests';

/** Worker-thread entry: runs the hostile guests against `workerData.url` until told to stop, then posts the tally. */
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
