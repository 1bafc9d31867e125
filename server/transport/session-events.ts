import { errorAck, EVENTS } from '../../shared/protocol';
import type { Session } from '../core/session';
import type { Backpressure, OverflowReason } from './backpressure';
import type { RelaySocket } from './socket-io-outbox';

/** The log line for each reason backpressure drops a connection. */
export const DROP_MESSAGES: Record<OverflowReason, string> = {
  buffer: 'connection dropped: it fell too far behind (the relay held more than it may for it)',
  stalled: 'connection dropped: it stopped reading',
  'unsolicited pong': 'connection dropped: it sent a pong without a ping',
};

/**
 * Wires the four protocol events to the session; acks are optional for a
 * client, never trusted. A join to a connection that is behind is answered
 * RATE_LIMITED without building anything (see backpressure.ts).
 */
export function bindSession(socket: RelaySocket, session: Session, backpressure: Backpressure): void {
  const reply = (ack: unknown) => (response: unknown) => {
    if (typeof ack === 'function') ack(response);
  };
  socket.on(EVENTS.join, (payload, ack) => {
    if (backpressure.isCongested(socket.conn)) {
      reply(ack)(errorAck('RATE_LIMITED', 'the relay is still sending this connection earlier data; retry shortly'));
      return;
    }
    void session
      .join(payload, () => backpressure.pendingBytes(socket.conn))
      .then((response) => {
        // The board is on its way: the connection may hold that much more for a moment.
        if (response.ok) backpressure.allow(socket.conn, response.update.byteLength);
        reply(ack)(response);
      });
  });
  socket.on(EVENTS.update, (payload, ack) => void session.update(payload).then(reply(ack)));
  socket.on(EVENTS.leave, (payload, ack) => void session.leave(payload).then(reply(ack)));
  socket.on(EVENTS.awareness, (payload) => session.awareness(payload));
}
