import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';

/**
 * A bare third-party client of protocol v1: plain socket.io-client, no
 * provider. Tests use it to send exactly the bytes they mean, good or bad.
 */
export type RawSocket = Socket;

/**
 * Extra socket.io-client options: `localAddress` binds the client to another
 * loopback address (127.0.0.2, …: all of 127/8 is this machine on Linux), so
 * one test can play several client IPs; `extraHeaders` sets Host or Origin.
 */
export type RawOptions = Partial<ManagerOptions & SocketOptions> & { localAddress?: string };

export async function connectRaw(
  url: string,
  auth: Record<string, unknown> = { v: PROTOCOL_VERSION },
  options: RawOptions = {},
): Promise<RawSocket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, auth, forceNew: true, ...options });
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
export async function refusalOf(url: string, auth: Record<string, unknown>, options: RawOptions = {}): Promise<string> {
  return (await connectErrorOf(url, auth, options)).message;
}

/** The connect_error a handshake with `auth` gets, with the `data` the relay attached to it. */
export async function connectErrorOf(
  url: string,
  auth: Record<string, unknown>,
  options: RawOptions = {},
): Promise<Error & { data?: { detail?: string; retryAfterSeconds?: number } }> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, auth, forceNew: true, ...options });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
      socket.once('connect_error', (error) => resolve(error));
    });
  } finally {
    socket.close();
  }
}
