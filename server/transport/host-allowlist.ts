import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { clipText } from '../../shared/protocol';
import type { Logger } from '../core/types';

/**
 * Which `Host` headers the relay answers, against DNS rebinding: a page on
 * `http://evil.example:4455` whose name the attacker re-points at 127.0.0.1
 * talks to the relay as same-origin, but its requests still say
 * `Host: evil.example:4455`. As dev servers do (Vite's allowedHosts), the
 * relay answers only names that cannot be re-pointed by someone else:
 *
 * - any IP address literal (`127.0.0.1`, `[::1]`, the LAN addresses share
 *   links use, whatever the interfaces are now): rebinding needs a DNS name,
 *   and a page whose origin is an IP address is that address;
 * - `localhost` and names under `.localhost` (browsers resolve them to
 *   loopback themselves);
 * - the listen address when it is a name (`--host myhost.lan`);
 * - every `--allow-host`: a name, or `.example.com` for it and its subdomains
 *   (a relay reached by a DNS name, e.g. behind a reverse proxy, needs it).
 *
 * The port is not compared: the client dialled it, and the origin check
 * (handshake.ts) already ties an Origin to the port.
 */
export function hostAllowlist(
  listenHost: string,
  allowedHosts: readonly string[],
): (host: string | undefined) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of [listenHost, ...allowedHosts].map(normalizeName)) {
    if (entry.startsWith('.')) {
      suffixes.push(entry);
      exact.add(entry.slice(1));
    } else exact.add(entry);
  }
  return (hostHeader) => {
    // HTTP/1.0 tools may send none; browsers, the only clients rebinding works through, always do.
    if (hostHeader === undefined) return true;
    const name = hostNameOf(hostHeader);
    if (name === null) return false;
    if (isIP(name) !== 0) return true;
    if (name === 'localhost' || name.endsWith('.localhost')) return true;
    return exact.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
  };
}

/** `name[:port]` or `[v6][:port]` → the lower-case name (IPv6 without brackets); null if malformed. */
export function hostNameOf(hostHeader: string): string | null {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d{1,5})?$/.exec(hostHeader);
  if (bracketed?.[1]) return isIP(bracketed[1]) === 6 ? bracketed[1].toLowerCase() : null;
  const plain = /^([A-Za-z0-9._-]+)(?::\d{1,5})?$/.exec(hostHeader);
  return plain?.[1] ? normalizeName(plain[1]) : null;
}

/** Lower case, and without the one trailing dot a fully qualified name may carry. */
function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

/**
 * Puts the allowlist in front of everything on the relay's port: plain HTTP
 * (client, catalog API, Socket.IO polling) is answered 403, and a WebSocket
 * upgrade is refused with 403 before Socket.IO sees it. Call it after
 * Socket.IO attached to the server, so its listeners are wrapped too.
 *
 * `GET`/`HEAD /healthz` is answered whatever the Host: proxies and monitors
 * probe it by an internal name (Caddy by the upstream's address,
 * `relay-1:4455`), and it tells a page nothing it could act on.
 */
export function refuseForeignHosts(server: Server, isAllowed: (host: string | undefined) => boolean, log: Logger) {
  const refused = (request: IncomingMessage): boolean => {
    if (isAllowed(request.headers.host)) return false;
    if (isHealthCheck(request)) return false;
    log.warn(
      { host: clipText(request.headers.host ?? ''), address: request.socket.remoteAddress },
      'refused a request for a host name not on the allowlist (see --allow-host)',
    );
    return true;
  };

  const requestListeners = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    if (!refused(request)) {
      for (const listener of requestListeners) listener.call(server, request, response);
      return;
    }
    request.resume();
    const body = JSON.stringify({ ok: false, error: 'host not allowed' });
    response.writeHead(403, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'close',
    });
    response.end(body);
  });

  const upgradeListeners = server.listeners('upgrade') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!refused(request)) {
      for (const listener of upgradeListeners) listener.call(server, request, socket, head);
      return;
    }
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}

function isHealthCheck(request: IncomingMessage): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && (request.url ?? '').split('?')[0] === '/healthz';
}
