import type { Server as EngineServer } from 'engine.io';

/**
 * What the relay holds for each connection that has not reached the kernel
 * yet, and what it does when a connection stops reading.
 *
 * Engine.IO queues every packet for a socket in its `writeBuffer` while the
 * transport is busy, and ws keeps what the kernel would not take; neither has
 * a bound, so a peer that stops reading makes the relay hold every broadcast
 * for it. Per connection the relay counts both:
 *
 *   - past `softBytes` it is congested: it gets no presence (awareness)
 *     until it is back under half of that, and a join is answered
 *     RATE_LIMITED instead of a second copy of a board;
 *   - past `hardBytes` (plus the size of a join answer on its way) it is
 *     disconnected at once, its buffers freed; its client reconnects and resyncs;
 *   - with bytes waiting and none taken for `stallMs`, it is disconnected too:
 *     a reader that takes nothing is gone, however well it answers pings.
 *
 * Engine.IO 6.6 treats any pong as a heartbeat: it clears the ping timeout
 * and postpones the next ping (socket.js `onPacket`). A client that sends
 * pongs on its own, reading nothing, was therefore never timed out. A pong
 * while no ping is outstanding is a protocol violation here and closes the
 * connection; and since a blind pong can still answer a ping it never read,
 * the stall rule above is what keeps such a connection from holding memory.
 *
 * Like write-coalescing.ts this reaches into Engine.IO (`pingTimeoutTimer`,
 * `transport.socket`); it checks their shape and skips what is not there.
 */
export interface BackpressureLimits {
  softBytes: number;
  hardBytes: number;
  stallMs: number;
  /** How often progress is measured (ms). */
  sweepMs?: number;
}

export const DEFAULT_BACKPRESSURE: BackpressureLimits = {
  softBytes: 4 * 1024 * 1024,
  hardBytes: 32 * 1024 * 1024,
  stallMs: 15_000,
};

export interface Backpressure {
  /** The Socket.IO socket ids now congested (they get no presence). */
  readonly congested: ReadonlySet<string>;
  /** Names an Engine.IO connection by its Socket.IO socket id (once connected). */
  name(connection: object, socketId: string): void;
  isCongested(connection: object): boolean;
  /** A join answer of `bytes` is about to be sent: it may go past the hard limit by that much. */
  allow(connection: object, bytes: number): void;
  /** Bytes the relay holds for this connection now. */
  pendingBytes(connection: object): number;
  stop(): void;
}

interface EnginePacket {
  type: string;
  data?: unknown;
}

interface EngineConnection {
  id: string;
  on(event: 'packetCreate' | 'packet', listener: (packet: EnginePacket) => void): unknown;
  on(event: 'flush' | 'close', listener: () => void): unknown;
  close(discard?: boolean): unknown;
  transport?: { name?: string; socket?: { bufferedAmount?: unknown; terminate?: () => void } };
  pingTimeoutTimer?: unknown;
}

interface ConnectionState {
  socketId: string | null;
  /** Bytes of packets queued in Engine.IO's writeBuffer (handed to the transport at each flush). */
  queued: number;
  /** Bytes queued since the last sweep. */
  added: number;
  lastPending: number;
  stalledMs: number;
  allowance: number;
  congested: boolean;
  dropped: boolean;
}

export type OverflowReason = 'buffer' | 'stalled' | 'unsolicited pong';

export function watchBackpressure(
  engine: EngineServer,
  limits: BackpressureLimits,
  onDrop: (connectionId: string, socketId: string | null, reason: OverflowReason, pendingBytes: number) => void,
): Backpressure {
  const states = new Map<EngineConnection, ConnectionState>();
  const congested = new Set<string>();

  const pendingOf = (connection: EngineConnection, state: ConnectionState): number => {
    const buffered = connection.transport?.socket?.bufferedAmount;
    return state.queued + (typeof buffered === 'number' ? buffered : 0);
  };

  const setCongested = (state: ConnectionState, value: boolean) => {
    if (state.congested === value) return;
    state.congested = value;
    if (state.socketId === null) return;
    if (value) congested.add(state.socketId);
    else congested.delete(state.socketId);
  };

  const drop = (connection: EngineConnection, state: ConnectionState, reason: OverflowReason) => {
    if (state.dropped) return;
    state.dropped = true;
    const pending = pendingOf(connection, state);
    setCongested(state, false);
    onDrop(connection.id, state.socketId, reason, pending);
    // Not from inside Engine.IO's own send or packet handling.
    queueMicrotask(() => {
      const ws = connection.transport?.socket;
      // terminate() frees ws's buffer now; a close handshake would keep it for 30 s.
      if (typeof ws?.terminate === 'function') ws.terminate();
      else connection.close(true);
    });
  };

  const check = (connection: EngineConnection, state: ConnectionState) => {
    const pending = pendingOf(connection, state);
    if (pending > limits.hardBytes + state.allowance) return drop(connection, state, 'buffer');
    if (pending > limits.softBytes) setCongested(state, true);
  };

  engine.on('connection', (connection: EngineConnection) => {
    const state: ConnectionState = {
      socketId: null,
      queued: 0,
      added: 0,
      lastPending: 0,
      stalledMs: 0,
      allowance: 0,
      congested: false,
      dropped: false,
    };
    states.set(connection, state);
    connection.on('packetCreate', (packet) => {
      const bytes = packetBytes(packet);
      state.queued += bytes;
      state.added += bytes;
      check(connection, state);
    });
    connection.on('flush', () => {
      state.queued = 0;
    });
    connection.on('packet', (packet) => {
      if (packet.type === 'pong' && 'pingTimeoutTimer' in connection && connection.pingTimeoutTimer === null) {
        drop(connection, state, 'unsolicited pong');
      }
    });
    connection.on('close', () => {
      setCongested(state, false);
      states.delete(connection);
    });
  });

  const sweepMs = limits.sweepMs ?? 1_000;
  const sweep = setInterval(() => {
    for (const [connection, state] of states) {
      const pending = pendingOf(connection, state);
      const taken = state.lastPending + state.added - pending;
      state.stalledMs = pending > 0 && taken <= 0 ? state.stalledMs + sweepMs : 0;
      state.lastPending = pending;
      state.added = 0;
      if (state.stalledMs >= limits.stallMs) {
        drop(connection, state, 'stalled');
        continue;
      }
      if (pending <= limits.softBytes) state.allowance = 0;
      if (pending <= limits.softBytes / 2) setCongested(state, false);
    }
  }, sweepMs);
  sweep.unref();

  const stateOf = (connection: object) => states.get(connection as EngineConnection);
  return {
    congested,
    name(connection, socketId) {
      const state = stateOf(connection);
      if (!state) return;
      state.socketId = socketId;
      if (state.congested) congested.add(socketId);
    },
    isCongested: (connection) => stateOf(connection)?.congested ?? false,
    allow(connection, bytes) {
      const state = stateOf(connection);
      if (state) state.allowance = Math.max(state.allowance, bytes);
    },
    pendingBytes(connection) {
      const state = stateOf(connection);
      return state ? pendingOf(connection as EngineConnection, state) : 0;
    },
    stop: () => clearInterval(sweep),
  };
}

/** Bytes of an Engine.IO packet's payload (strings count their UTF-16 length; close enough for a bound). */
function packetBytes(packet: EnginePacket): number {
  const { data } = packet;
  if (typeof data === 'string') return data.length + 1;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength + 1;
  return 1;
}
