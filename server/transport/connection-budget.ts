import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressKey } from '../core/address-budgets';
import type { Logger } from '../core/types';

export interface ConnectionBudgetOptions {
  /** Open TCP connections one address may hold (HTTP, WebSocket, and ones still handshaking). */
  maxConnectionsPerAddress: number;
  /** A connection must have sent a whole request (or upgrade) by then, else it is closed. */
  handshakeTimeoutMs: number;
  log: Logger;
}

/**
 * Bounds what raw connections cost the relay, below HTTP and Socket.IO:
 *
 * - one address holds at most `maxConnectionsPerAddress` open connections;
 *   past that a new one is closed as soon as it is accepted (it gets no
 *   answer: nothing has been read from it yet);
 * - a connection that sends nothing is closed after `handshakeTimeoutMs`
 *   (Node's own timeouts only start counting at the first byte), one that
 *   sends its request headers too slowly gets a 408 (headersTimeout).
 *
 * Socket.IO's own handshake (the namespace connect after the transport is
 * open) is bounded by its `connectTimeout`, set in relay.ts.
 */
export function applyConnectionBudget(server: Server, options: ConnectionBudgetOptions): void {
  const { maxConnectionsPerAddress, handshakeTimeoutMs, log } = options;
  server.headersTimeout = handshakeTimeoutMs;
  // A whole request body (a polling POST of one maximal update) may take longer than its headers.
  server.requestTimeout = Math.max(60_000, handshakeTimeoutMs);

  const open = new Map<string, number>();
  /** Addresses told about once while at their cap, so a flood writes one log line, not one per connection. */
  const capped = new Set<string>();
  const awaitingFirstRequest = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const key = addressKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > maxConnectionsPerAddress) {
      if (!capped.has(key)) {
        capped.add(key);
        log.warn({ address: key, max: maxConnectionsPerAddress }, 'refusing connections past the per-address cap');
      }
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
      if (left < maxConnectionsPerAddress) capped.delete(key);
    });
    // Node's default on a socket timeout is to destroy it. Cleared by the first request; an
    // upgraded socket's WebSocket clears it itself (ws sets no timeout).
    socket.setTimeout(handshakeTimeoutMs);
    awaitingFirstRequest.add(socket);
  });
  server.on('request', (request) => {
    if (!awaitingFirstRequest.delete(request.socket)) return;
    request.socket.setTimeout(0);
  });
}
