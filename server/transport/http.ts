import type { IncomingMessage, ServerResponse } from 'node:http';
import { clipText } from '../../shared/protocol';
import { type Logger, silentLogger } from '../core/types';
import type { StaticClient } from './static-client';

export interface HealthReport {
  /** False (and HTTP 503) when the store or Redis is unreachable: a load balancer sends nobody here. */
  ok: boolean;
  version: string;
  protocol: number;
  boards: number;
  connections: number;
  uptimeSeconds: number;
  /** This relay's name among its peers, and whether its store and Redis answer. */
  node: string;
  store: { kind: 'files' | 'postgres' | 'custom'; ok: boolean };
  redis: { ok: boolean } | null;
}

export interface HttpHandlerOptions {
  /** The built browser client, when the relay was given a web root. */
  client?: StaticClient | null;
  logger?: Logger;
  /** The handler for `/api/` (the desktop host's board catalog), when the relay has one; else those get 404. */
  api?: () => ((request: IncomingMessage, response: ServerResponse, path: string) => void) | undefined;
}

/**
 * Plain HTTP on the relay's port (Socket.IO takes `/socket.io/` before this
 * handler sees anything): `GET /healthz`, the browser client when there is
 * one (`/`, `/b/<boardId>`, `/assets/…`; see static-client.ts), the board
 * catalog under `/api/` when the relay has one, and a JSON 404 for the rest.
 */
export function httpHandler(health: () => HealthReport, options: HttpHandlerOptions = {}) {
  const client = options.client ?? null;
  const log = options.logger ?? silentLogger;
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendJson(response, 405, { ok: false, error: 'method not allowed' }, { allow: 'GET, HEAD' });
      }
      const report = health();
      return sendJson(response, report.ok ? 200 : 503, report);
    }
    if (path === '/api' || path.startsWith('/api/')) {
      const api = options.api?.();
      if (api) return api(request, response, path);
      return sendJson(response, 404, { ok: false, error: 'not found' });
    }
    if (!client) return sendJson(response, 404, { ok: false, error: 'not found' });
    const accept = {
      acceptEncoding: header(request, 'accept-encoding'),
      ifNoneMatch: header(request, 'if-none-match'),
    };
    client.fileFor(path, accept).then(
      (file) => {
        if (!file) return sendJson(response, 404, { ok: false, error: 'not found' });
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          return sendJson(response, 405, { ok: false, error: 'method not allowed' }, { allow: 'GET, HEAD' });
        }
        response.writeHead(file.status, file.headers);
        response.end(request.method === 'HEAD' || file.status === 304 ? undefined : file.body);
      },
      (error: unknown) => {
        log.error({ path: clipText(path), err: String(error) }, 'could not serve the browser client');
        if (response.headersSent) response.destroy();
        else sendJson(response, 500, { ok: false, error: 'internal error' });
      },
    );
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}
