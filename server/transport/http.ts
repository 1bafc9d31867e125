import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HealthReport {
  ok: true;
  version: string;
  protocol: number;
  boards: number;
  connections: number;
  uptimeSeconds: number;
}

/**
 * Plain HTTP on the relay's port (Socket.IO takes `/socket.io/` before this
 * handler sees anything): `GET /healthz`, and a JSON 404 for the rest.
 */
export function httpHandler(health: () => HealthReport) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendJson(response, 405, { ok: false, error: 'method not allowed' }, { allow: 'GET, HEAD' });
      }
      return sendJson(response, 200, health());
    }
    sendJson(response, 404, { ok: false, error: 'not found' });
  };
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
