import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus as `bench:relay -- --against hocuspocus` runs it: the server's
 * default configuration (in memory, no extensions), on 127.0.0.1 and the
 * port given as the only argument. Prints `listening on <port>` once ready.
 */
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  process.stderr.write(`hocuspocus-server: expected a port, got ${process.argv[2]}\n`);
  process.exit(2);
}
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
process.stdout.write(`listening on ${port}\n`);
