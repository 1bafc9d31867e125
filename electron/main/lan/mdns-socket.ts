import { EventEmitter } from 'node:events';
import { Bonjour, type ServiceConfig } from 'bonjour-service';

const MDNS_PORT = 5353;

/** multicast-dns's options, which bonjour-service passes on as they are (it types them as a service's). */
export interface MulticastOptions {
  /** UDP port; 5353 unless a test says otherwise. */
  port?: number;
  /** The group address to send to; 224.0.0.251. */
  ip?: string;
  interface?: string;
  /** False: no group membership, no periodic interface checks. */
  multicast?: boolean;
}

/** The mDNS socket could not be opened: nothing is announced or browsed, and sharing goes on without it. */
export class MdnsUnavailableError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'MdnsUnavailableError';
  }
}

/**
 * A Bonjour instance whose multicast socket is bound, or a rejection saying
 * why it could not be bound (another program holding UDP 5353 for itself,
 * EADDRINUSE; a system refusing it, EACCES).
 *
 * multicast-dns reports those as 'error' events on its socket wrapper, which
 * nothing in bonjour-service listens to, so unheard they are uncaught
 * exceptions in the main process. After a failed bind the instance is
 * destroyed at once: any send on it would try the bind again on the closed
 * socket and throw from a timer. Errors after a good bind do not close it.
 * `onError` hears the first error of an instance only (one log line, not one
 * per retry or re-announcement).
 */
export function openMdns(config: MulticastOptions, onError: (error: unknown) => void): Promise<Bonjour> {
  return new Promise((resolve, reject) => {
    let reported = false;
    const report = (error: unknown) => {
      if (reported) return;
      reported = true;
      onError(error);
    };
    const bonjour = new Bonjour(config as Partial<ServiceConfig>, report);
    let socket: EventEmitter;
    try {
      socket = multicastSocketOf(bonjour);
    } catch (error) {
      bonjour.destroy();
      throw error;
    }
    let bound = false;
    let failed = false;
    socket.once('ready', () => {
      bound = true;
      resolve(bonjour);
    });
    socket.on('error', (error: unknown) => {
      report(error);
      if (bound || failed) return;
      failed = true;
      try {
        bonjour.destroy();
      } catch {
        // A socket that never bound may refuse to close; it is unusable either way.
      }
      const code = (error as NodeJS.ErrnoException | null)?.code;
      reject(new MdnsUnavailableError(code, `The LAN announcement is unavailable: ${problemOf(error, config)}.`));
    });
  });
}

function problemOf(error: unknown, config: MulticastOptions): string {
  const port = config.port ?? MDNS_PORT;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `another program holds the mDNS port (UDP ${port}) for itself`;
  if (code === 'EACCES') return `this system does not let Easel use the mDNS port (UDP ${port})`;
  return error instanceof Error ? error.message : String(error);
}

/** bonjour-service keeps its multicast-dns socket private; its events are the only word of a failed bind. */
function multicastSocketOf(bonjour: Bonjour): EventEmitter {
  const server: unknown = Reflect.get(bonjour, 'server');
  const mdns: unknown = server !== null && typeof server === 'object' ? Reflect.get(server, 'mdns') : undefined;
  if (!(mdns instanceof EventEmitter)) throw new Error('bonjour-service has no multicast-dns socket to listen on');
  return mdns;
}
