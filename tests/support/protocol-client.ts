import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';

/**
 * A bare third-party client of protocol v1: plain socket.io-client, no
 * provider. Tests use it to send exactly the bytes they mean, good or bad.
 */
export type RawSocket = Socket;

export async function connectRaw(
  url: string,
  auth: Record<string, unknown> = { v: PROTOCOL_VERSION },
): Promise<RawSocket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, auth, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Emits and resolves with the ack (fails after `timeoutMs`). */
export function request<T = unknown>(
  socket: RawSocket,
  event: string,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** The message of the connect_error a handshake with `auth` gets. */
export async function refusalOf(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, auth, forceNew: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.close();
  }
}
