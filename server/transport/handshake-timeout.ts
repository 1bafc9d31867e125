import type { Socket as EngineSocket } from 'engine.io';
import type { RelayServer } from './socket-io-outbox';

/**
 * Socket.IO closes a transport that has not connected the namespace (passed
 * the relay's handshake) within its `connectTimeout`, but for a WebSocket that
 * only starts the close handshake: a peer that never answers it keeps the TCP
 * connection for the ws close timeout (30 s) more. Here the connection of a
 * transport that closes without ever having passed the handshake (timed out,
 * or refused and left open) is destroyed at once. Long-polling needs none of
 * this: its requests end on their own, and idle connections close after
 * Node's keep-alive timeout.
 */
export function destroyUnfinishedHandshakes(io: RelayServer): void {
  const connected = new WeakSet<EngineSocket>();
  io.on('connection', (socket) => connected.add(socket.conn));
  io.engine.on('connection', (transport: EngineSocket) => {
    transport.once('close', () => {
      // Only a WebSocket owns its TCP connection; a polling request's may be a browser's pooled keep-alive one.
      if (!connected.has(transport) && transport.transport?.name === 'websocket') transport.request?.socket?.destroy();
    });
  });
}
