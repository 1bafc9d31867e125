import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CATALOG_API_PATH,
  hasPngSignature,
  MAX_CATALOG_JSON_BYTES,
  MAX_THUMBNAIL_BYTES,
  renameRequestSchema,
} from '../../shared/catalog';
import { BOARD_ID_PATTERN, clipText, RelayError } from '../../shared/protocol';
import type { Logger } from '../core/types';
import { isOriginAllowed, tokensMatch } from '../transport/handshake';
import type { BoardCatalog } from './board-catalog';
import { BoardExistsError, BoardMissingError } from './catalog-files';

export interface CatalogHttpOptions {
  catalog: BoardCatalog;
  /** Only requests with `Authorization: Bearer <hostToken>` get in. */
  hostToken: string;
  /** Cross-origin callers allowed (the desktop renderer's `app://easel`); they get CORS headers. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

/** Answered with `{ ok: false, error }` and this status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const ALLOWED_METHODS = 'GET, PUT, PATCH, POST, DELETE, OPTIONS';
/** Browsers may cache a preflight answer this long (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The catalog API (see shared/catalog for the routes). Returns a handler for
 * requests under `/api/boards`; the relay mounts it only when it has a host
 * token, so a standalone relay answers 404 for all of it.
 */
export function catalogHttpHandler(options: CatalogHttpOptions) {
  const { catalog, logger } = options;
  return (request: IncomingMessage, response: ServerResponse, path: string): void => {
    const origin = request.headers.origin;
    const cors: Record<string, string> =
      origin !== undefined && options.allowedOrigins.includes(origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    const fail = (error: unknown) => {
      if (error instanceof HttpError)
        return sendJson(response, error.status, { ok: false, error: error.message }, { ...cors, ...error.headers });
      logger.error(
        { path: clipText(path), method: clipText(request.method ?? ''), err: String(error) },
        'catalog request failed',
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
      // RFC 7235: the scheme is case-insensitive (`bearer` is as good as `Bearer`), then one or more spaces.
      const bearer = /^bearer +(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!tokensMatch(bearer, options.hostToken)) {
        throw new HttpError(401, 'the host token is missing or wrong', { 'www-authenticate': 'Bearer' });
      }
      route(request, path, catalog).then(
        (answer) => {
          if (answer.kind === 'json') sendJson(response, answer.status, answer.body, cors);
          else if (answer.kind === 'png') {
            response.writeHead(200, {
              ...cors,
              'content-type': 'image/png',
              'content-length': String(answer.bytes.length),
              'cache-control': 'no-store',
              'x-content-type-options': 'nosniff',
            });
            response.end(answer.bytes);
          } else {
            response.writeHead(204, { ...cors, 'cache-control': 'no-store' });
            response.end();
          }
        },
        (error: unknown) => {
          // Unread bodies (a refused upload) would otherwise stall the connection.
          request.resume();
          fail(error);
        },
      );
    } catch (error) {
      request.resume();
      fail(error);
    }
  };
}

type Answer = { kind: 'json'; status: number; body: unknown } | { kind: 'png'; bytes: Buffer } | { kind: 'empty' };

async function route(request: IncomingMessage, path: string, catalog: BoardCatalog): Promise<Answer> {
  const rest = path.slice(CATALOG_API_PATH.length);
  const method = request.method ?? 'GET';
  if (rest === '' || rest === '/') {
    allow(method, ['GET']);
    return json(200, await catalog.list());
  }
  if (rest === '/trash') {
    allow(method, ['GET']);
    return json(200, await catalog.listTrash());
  }
  const match = /^\/([^/]+)(?:\/(restore|thumbnail))?$/.exec(rest);
  if (!match) throw new HttpError(404, 'not found');
  const boardId = match[1] ?? '';
  if (!BOARD_ID_PATTERN.test(boardId)) throw new HttpError(400, 'board id must match [A-Za-z0-9_-]{1,64}');
  switch (match[2]) {
    case undefined:
      allow(method, ['PATCH', 'DELETE']);
      if (method === 'PATCH') {
        const body = renameRequestSchema.safeParse(await readJson(request));
        if (!body.success) throw new HttpError(400, body.error.issues.map((issue) => issue.message).join('; '));
        await mustExist(catalog, boardId);
        return json(200, await refusalsAsMissing(catalog.rename(boardId, body.data.name)));
      }
      await mustExist(catalog, boardId);
      return json(200, await catalog.delete(boardId));
    case 'restore':
      allow(method, ['POST']);
      try {
        return json(200, await catalog.restore(boardId));
      } catch (error) {
        if (error instanceof BoardExistsError) throw new HttpError(409, 'a board with this id exists again');
        if (error instanceof BoardMissingError) throw new HttpError(404, 'no deleted board with this id');
        throw error;
      }
    default: {
      allow(method, ['GET', 'PUT']);
      if (method === 'GET') {
        const bytes = await catalog.readThumbnail(boardId);
        if (!bytes) throw new HttpError(404, 'this board has no thumbnail');
        return { kind: 'png', bytes };
      }
      if (contentType(request) !== 'image/png') throw new HttpError(415, 'a thumbnail must be sent as image/png');
      const png = await readBody(request, MAX_THUMBNAIL_BYTES);
      if (!hasPngSignature(png)) throw new HttpError(400, 'the thumbnail is not a PNG image');
      await mustExist(catalog, boardId);
      await catalog.writeThumbnail(boardId, png);
      return { kind: 'empty' };
    }
  }
}

function json(status: number, body: unknown): Answer {
  return { kind: 'json', status, body };
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) {
    throw new HttpError(405, 'method not allowed', { allow: [...methods, 'OPTIONS'].join(', ') });
  }
}

async function mustExist(catalog: BoardCatalog, boardId: string): Promise<void> {
  if (!(await catalog.exists(boardId))) throw new HttpError(404, 'no board with this id');
}

/** A board deleted meanwhile refuses the change: to the caller it is gone. */
async function refusalsAsMissing<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RelayError && error.code === 'FORBIDDEN') throw new HttpError(404, 'no board with this id');
    if (error instanceof RelayError && error.code === 'UNAVAILABLE') throw new HttpError(503, error.message);
    throw error;
  }
}

function contentType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (contentType(request) !== 'application/json') throw new HttpError(415, 'the body must be application/json');
  const bytes = await readBody(request, MAX_CATALOG_JSON_BYTES);
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
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
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
