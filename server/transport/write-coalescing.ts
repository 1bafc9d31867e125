import type { Server as EngineServer } from 'engine.io';

/**
 * Engine.IO sends every packet the moment it is queued, and ws writes every
 * frame with its own syscall; a Socket.IO binary event is two packets. In a busy
 * room the relay's time goes into those write syscalls (on loopback and LAN
 * each one also carries the receiver's TCP work), not into the bytes.
 *
 * This holds each Engine.IO socket's queued packets until the task that queued
 * them ends (a microtask), then writes them all with the TCP socket corked: one
 * syscall per socket per task. A room sends a whole event-loop turn of updates
 * in one task (BroadcastBatch), so each member gets one write per turn, and
 * nothing waits for a later turn.
 *
 * It reaches into Engine.IO (`Socket#flush`, `transport.socket._socket`), so it
 * checks that shape and does nothing where it differs; the relay test that
 * counts write syscalls fails if the batching silently stops.
 */
interface EngineSocketInternals {
  flush?: () => void;
  transport?: { socket?: { _socket?: { cork?: () => void; uncork?: () => void } } };
}

export function coalesceWrites(engine: EngineServer): void {
  engine.on('connection', (socket: EngineSocketInternals) => {
    const flushNow = socket.flush;
    if (typeof flushNow !== 'function') return;
    let scheduled = false;
    socket.flush = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const tcp = socket.transport?.socket?._socket;
        if (typeof tcp?.cork !== 'function' || typeof tcp.uncork !== 'function') return flushNow.call(socket);
        tcp.cork();
        try {
          flushNow.call(socket);
        } finally {
          tcp.uncork();
        }
      });
    };
  });
}
