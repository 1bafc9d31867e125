import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy on loopback that forwards plain requests to `target` and
 * refuses every WebSocket upgrade with 403, as corporate proxies that do not
 * speak WebSocket do. It keeps the Host header, so the relay sees the proxy's
 * address as the page's origin, as it would behind a real reverse proxy.
 */
export interface WebSocketRefusingProxy {
  readonly url: string;
  /** Upgrade requests refused so far. */
  readonly refusedUpgrades: number;
  /** Plain HTTP requests forwarded so far. */
  readonly forwarded: number;
  close(): Promise<void>;
}

export async function startWebSocketRefusingProxy(target: string): Promise<WebSocketRefusingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  let refusedUpgrades = 0;
  let forwarded = 0;
  const server = http.createServer((request, response) => {
    forwarded++;
    const outgoing = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`proxy: ${error.message}`);
    });
    request.pipe(outgoing);
  });
  server.on('upgrade', (_request, socket: Socket) => {
    refusedUpgrades++;
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get refusedUpgrades() {
      return refusedUpgrades;
    },
    get forwarded() {
      return forwarded;
    },
    async close() {
      const closed = once(server, 'close');
      server.close();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
}
