import { parentPort, workerData } from 'node:worker_threads';
import { HostileGuests } from './guests';

/** Worker-thread entry: runs the hostile guests against `workerData.url` until told to stop, then posts the tally. */
const port = parentPort!;
const guests = new HostileGuests((workerData as { url: string }).url);
guests.start();
port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  void guests.stop().then((tally) => {
    port.postMessage(tally);
    port.close();
  });
});
