import type { IncomingMessage, ServerResponse } from 'node:http';
import { clipText } from '../../shared/protocol';
import type { Logger } from '../core/types';
import { isOriginAllowed, tokensMatch } from './handshake';

/** Answered with `{ ok: false, error }` and this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type HostApiAnswer =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'bytes'; contentType: string; bytes: Buffer }
  | { kind: 'empty' };

export interface HostApiOptions {
  /** Only requests with `Authorization: Bearer <hostToken>` get in. */
  hostToken: string;
  /** Cross-origin callers allowed (the desktop renderer's `app://easel`); they get CORS headers. */
  allowedOrigins: readonly string[];
  logger: Logger;
  /** Names the API in log lines ("catalog", "access"). */
  name: string;
  route(request: IncomingMessage, path: string): Promise<HostApiAnswer>;
}

const ALLOWED_METHODS = 'GET, PUT, PATCH, POST, DELETE, OPTIONS';
/** Browsers may cache a preflight answer this long (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * A JSON API for the relay's host, checked as the catalog API is
 * (docs/ARCHITECTURE.md#catalog-api): origin (403), `OPTIONS` preflight
 * (CORS only for allowed origins), `Bearer <host token>` (401), then the
 * route. Errors are `{ ok: false, error }`; anything unexpected is a logged 500.
 */
export function hostApiHandler(options: HostApiOptions) {
  const { logger } = options;
  return (request: IncomingMessage, response: ServerResponse, path: string): void => {
    const origin = request.headers.origin;
    const cors: Record<string, string> =
      origin !== undefined && options.allowedOrigins.includes(origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    const fail = (error: unknown) => {
      // Unread bodies (a refused request) would otherwise stall the connection.
      request.resume();
      if (error instanceof HttpError) {
        return sendJson(response, error.status, { ok: false, error: error.message }, { ...cors, ...error.headers });
      }
      logger.error(
        { path: clipText(path), method: clipText(request.method ?? ''), err: String(error) },
        `${options.name} request failed`,
      );
      sendJson(response, 500, { ok: false, error: 'internal error' }, cors);
    };
    try {
      // Any web page can send requests to 127.0.0.1; only the relay's own pages and trusted origins get an answer.
      if (!isOriginAllowed(origin, request.headers.host, options.allowedOrigins)) {
        throw new HttpError(403, 'origin not allowed');
      }
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          ...cors,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        });
        response.end();
        return;
      }
      if (!tokensMatch(bearerToken(request), options.hostToken)) {
        throw new HttpError(401, 'the host token is missing or wrong', { 'www-authenticate': 'Bearer' });
      }
      options.route(request, path).then((answer) => {
        if (answer.kind === 'json') return sendJson(response, answer.status, answer.body, cors);
        if (answer.kind === 'bytes') {
          response.writeHead(200, {
            ...cors,
            'content-type': answer.contentType,
            'content-length': String(answer.bytes.length),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          response.end(answer.bytes);
          return;
        }
        response.writeHead(204, { ...cors, 'cache-control': 'no-store' });
        response.end();
      }, fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** The token of `Authorization: Bearer <token>`: RFC 7235, the scheme in any case, then one or more spaces. */
export function bearerToken(request: IncomingMessage): string | undefined {
  return /^bearer +(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

export function allowMethods(method: string, methods: readonly string[]): void {
  if (!methods.includes(method)) {
    throw new HttpError(405, 'method not allowed', { allow: [...methods, 'OPTIONS'].join(', ') });
  }
}

/** The request's media type, lower case, without parameters. */
export function contentType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The body as JSON: 415 unless application/json, 413 past `limit` bytes, 400 unless it parses. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  if (contentType(request) !== 'application/json') throw new HttpError(415, 'the body must be application/json');
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/**
 * The whole body, refusing (413) one over `limit` bytes. An oversized body is
 * still drained, not cut off, so the client reads the 413 instead of a reset.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(new HttpError(413, `the body is over ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.once('end', () => {
      if (size > limit) reject(new HttpError(413, `the body is over ${limit} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    request.once('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(JSON.stringify(body));
}
