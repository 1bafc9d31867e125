import type { IncomingMessage } from 'node:http';
import {
  CATALOG_API_PATH,
  hasPngSignature,
  MAX_CATALOG_JSON_BYTES,
  MAX_THUMBNAIL_BYTES,
  renameRequestSchema,
} from '../../shared/catalog';
import { BOARD_ID_PATTERN, RelayError } from '../../shared/protocol';
import type { Logger } from '../core/types';
import {
  allowMethods,
  contentType,
  type HostApiAnswer,
  hostApiHandler,
  HttpError,
  readBody,
  readJsonBody,
} from '../transport/host-api';
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

/**
 * The catalog API (see shared/catalog for the routes), checked like every
 * host API (transport/host-api.ts). Returns a handler for requests under
 * `/api/boards`; the relay mounts it only when it has a host token, so a
 * standalone relay answers 404 for all of it.
 */
export function catalogHttpHandler(options: CatalogHttpOptions) {
  return hostApiHandler({
    hostToken: options.hostToken,
    allowedOrigins: options.allowedOrigins,
    logger: options.logger,
    name: 'catalog',
    route: (request, path) => route(request, path, options.catalog),
  });
}

async function route(request: IncomingMessage, path: string, catalog: BoardCatalog): Promise<HostApiAnswer> {
  const rest = path.slice(CATALOG_API_PATH.length);
  const method = request.method ?? 'GET';
  if (rest === '' || rest === '/') {
    allowMethods(method, ['GET']);
    return json(200, await catalog.list());
  }
  if (rest === '/trash') {
    allowMethods(method, ['GET']);
    return json(200, await catalog.listTrash());
  }
  const match = /^\/([^/]+)(?:\/(restore|thumbnail))?$/.exec(rest);
  if (!match) throw new HttpError(404, 'not found');
  const boardId = match[1] ?? '';
  if (!BOARD_ID_PATTERN.test(boardId)) throw new HttpError(400, 'board id must match [A-Za-z0-9_-]{1,64}');
  switch (match[2]) {
    case undefined:
      allowMethods(method, ['PATCH', 'DELETE']);
      if (method === 'PATCH') {
        const body = renameRequestSchema.safeParse(await readJsonBody(request, MAX_CATALOG_JSON_BYTES));
        if (!body.success) throw new HttpError(400, body.error.issues.map((issue) => issue.message).join('; '));
        await mustExist(catalog, boardId);
        return json(200, await refusalsAsMissing(catalog.rename(boardId, body.data.name)));
      }
      await mustExist(catalog, boardId);
      return json(200, await catalog.delete(boardId));
    case 'restore':
      allowMethods(method, ['POST']);
      try {
        return json(200, await catalog.restore(boardId));
      } catch (error) {
        if (error instanceof BoardExistsError) throw new HttpError(409, 'a board with this id exists again');
        if (error instanceof BoardMissingError) throw new HttpError(404, 'no deleted board with this id');
        throw error;
      }
    default: {
      allowMethods(method, ['GET', 'PUT']);
      if (method === 'GET') {
        const bytes = await catalog.readThumbnail(boardId);
        if (!bytes) throw new HttpError(404, 'this board has no thumbnail');
        return { kind: 'bytes', contentType: 'image/png', bytes };
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

function json(status: number, body: unknown): HostApiAnswer {
  return { kind: 'json', status, body };
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
