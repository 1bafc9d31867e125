import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { FILE_PATH_PATTERN, fileParamsSchema, type FileParams, type StoredFile } from '../../shared/files';
import { clipText } from '../../shared/protocol';
import { addressKey, type AuthLockout } from '../core/address-budgets';
import { type AccessFacts, decide, type Grant } from '../core/authorize';
import type { Logger } from '../core/types';
import { grantForToken, isOriginAllowed, type PassLookup } from '../transport/handshake';
import { bearerToken } from '../transport/host-api';
import { describeBytes, FileRequestError } from './file-error';
import { receiveFile, type UploadLimits } from './file-upload';
import { sniffImageType } from './image-header';
import type { BoardFileStore } from './types';

export interface FileLimits extends UploadLimits {
  /** Every file of one board together (--max-board-file-bytes). */
  maxBoardFileBytes: number;
  /** Files one board may hold. */
  maxFilesPerBoard: number;
}

export interface FilesHttpOptions {
  store: BoardFileStore;
  limits: FileLimits;
  /** The relay's `--token` and host token, and its passes: the same as a socket's handshake. */
  token: string | undefined;
  hostToken: string | undefined;
  lookUpPass: PassLookup;
  /** What the access decision reads (deleted boards, locks, live passes). */
  facts: AccessFacts;
  boardExists(boardId: string): Promise<boolean>;
  /** Browser origins besides the relay's own (the desktop app's `app://easel`, `--allow-origin`): they get CORS. */
  allowedOrigins: readonly string[];
  /** Wrong tokens per address, shared with the socket handshake. */
  lockout: AuthLockout;
  logger: Logger;
}

/** Files one board may hold, whatever their size. */
export const MAX_FILES_PER_BOARD = 10_000;
/** Uploads received at once, relay-wide and per address (each holds a temp file and up to 1 MiB of header). */
export const MAX_CONCURRENT_UPLOADS = 16;
export const MAX_CONCURRENT_UPLOADS_PER_ADDRESS = 4;
/** What a GET sends besides the bytes: cached for good (a hash names one content), never run as a page. */
export const FILE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
};
const ALLOWED_METHODS = 'GET, HEAD, PUT, OPTIONS';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Whether a path is a file's (`/api/boards/:boardId/files/:sha256`), which this handler answers. */
export function isFilePath(path: string): boolean {
  return FILE_PATH_PATTERN.test(path);
}

/**
 * The relay's file API (shared/files): GET, HEAD and PUT of one board's file,
 * on every relay (a token or a pass, not only the host). Who may do what is
 * decided as for a socket (core/authorize.ts): a PUT as a `board:update`, a
 * GET as a join (docs/ARCHITECTURE.md#board-files).
 */
export function filesHttpHandler(options: FilesHttpOptions) {
  const { logger: log } = options;
  const uploads = new Map<string, number>();
  let uploading = 0;

  return (request: IncomingMessage, response: ServerResponse, path: string): void => {
    const origin = request.headers.origin;
    const cors: Record<string, string> =
      origin !== undefined && options.allowedOrigins.includes(origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    const address = addressKey(request.socket.remoteAddress);
    const fail = (error: unknown) => {
      if (error instanceof FileRequestError) {
        return sendError(request, response, error, cors);
      }
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (request.destroyed || code === 'ECONNRESET') {
        // The client went away mid-upload (closed the page, lost the network): its temp file is already gone.
        log.debug({ path: clipText(path) }, 'file request ended by the client');
        return response.destroy();
      }
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        log.error({ path: clipText(path), err: String(error) }, 'a board file could not be stored or read');
        const message =
          code === 'ENOSPC' ? 'the relay is out of disk space' : 'the relay could not read or write the file';
        return sendError(request, response, new FileRequestError('UNAVAILABLE', message), cors);
      }
      log.error(
        { path: clipText(path), method: clipText(request.method ?? ''), err: String(error) },
        'file request failed',
      );
      sendError(request, response, new FileRequestError('INTERNAL', 'internal error'), cors);
    };

    const handle = async () => {
      const params = parseParams(path);
      // Any web page can send requests to 127.0.0.1: only the relay's own pages and trusted origins get an answer.
      if (!isOriginAllowed(origin, request.headers.host, options.allowedOrigins)) {
        throw new FileRequestError('FORBIDDEN', 'origin not allowed');
      }
      const method = request.method ?? 'GET';
      if (method === 'OPTIONS') return preflight(response, cors);
      if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') {
        throw new FileRequestError('METHOD_NOT_ALLOWED', 'a file takes GET, HEAD or PUT', { allow: ALLOWED_METHODS });
      }
      const grant = authenticate(request, address, options);
      const verdict = decide(method === 'PUT' ? 'files:write' : 'files:read', params.boardId, grant, options.facts);
      if (!verdict.ok) throw new FileRequestError('FORBIDDEN', verdict.message);
      if (!(await options.boardExists(params.boardId))) {
        throw new FileRequestError('NOT_FOUND', `no board ${params.boardId}`);
      }
      if (method === 'PUT') {
        const taken = uploads.get(address) ?? 0;
        if (uploading >= MAX_CONCURRENT_UPLOADS || taken >= MAX_CONCURRENT_UPLOADS_PER_ADDRESS) {
          throw new FileRequestError('RATE_LIMITED', 'too many uploads at once; try again in a moment', {
            'retry-after': '1',
          });
        }
        uploading++;
        uploads.set(address, taken + 1);
        try {
          return await putFile(request, response, params, options, cors);
        } finally {
          uploading--;
          const left = (uploads.get(address) ?? 1) - 1;
          if (left === 0) uploads.delete(address);
          else uploads.set(address, left);
        }
      }
      return getFile(request, response, params, options.store, cors);
    };
    handle().catch(fail);
  };
}

function parseParams(path: string): FileParams {
  const match = FILE_PATH_PATTERN.exec(path);
  const parsed = fileParamsSchema.safeParse({ boardId: match?.[1], sha256: match?.[2] });
  if (!parsed.success) {
    throw new FileRequestError('BAD_REQUEST', parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return parsed.data;
}

/** The grant of the request's bearer token, decided as a socket's handshake is; wrong tokens count toward the lockout. */
function authenticate(request: IncomingMessage, address: string, options: FilesHttpOptions): Grant {
  const lockedMs = options.lockout.lockedFor(address);
  const given = bearerToken(request);
  const verdict = grantForToken(given, options.token, options.hostToken, options.lookUpPass);
  if (verdict.ok && verdict.role === 'host') return verdict.grant;
  if (lockedMs > 0) {
    const retryAfterSeconds = Math.ceil(lockedMs / 1000);
    throw new FileRequestError(
      'RATE_LIMITED',
      `too many wrong tokens from this address; try again in ${retryAfterSeconds} s`,
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
  if (verdict.ok) return verdict.grant;
  if (options.lockout.recordFailure(address)) {
    options.logger.warn({ address }, 'address locked out after too many wrong tokens');
  }
  throw new FileRequestError('UNAUTHORIZED', verdict.detail, { 'www-authenticate': 'Bearer' });
}

async function putFile(
  request: IncomingMessage,
  response: ServerResponse,
  params: FileParams,
  options: FilesHttpOptions,
  cors: Record<string, string>,
): Promise<void> {
  const { limits, store } = options;
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limits.maxFileBytes) {
    throw new FileRequestError(
      'TOO_LARGE',
      `the file is ${describeBytes(declared)}, over ${describeBytes(limits.maxFileBytes)}, the most this relay takes for one file`,
    );
  }
  const staged = await store.stage(params.boardId);
  let received;
  try {
    received = await receiveFile(request, params.sha256, staged, limits);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  const result = await store.commit(params.boardId, params.sha256, staged, {
    maxBytes: limits.maxBoardFileBytes,
    maxFiles: limits.maxFilesPerBoard,
  });
  if (result === 'created') {
    options.logger.info(
      { boardId: params.boardId, sha256: params.sha256, bytes: received.bytes, mime: received.mime },
      'board file stored',
    );
  }
  const body: StoredFile = { ok: true, ...received };
  sendJson(response, result === 'created' ? 201 : 200, body, cors);
}

async function getFile(
  request: IncomingMessage,
  response: ServerResponse,
  params: FileParams,
  store: BoardFileStore,
  cors: Record<string, string>,
): Promise<void> {
  const file = await store.read(params.boardId, params.sha256);
  if (!file) throw new FileRequestError('NOT_FOUND', 'this board has no file with this hash');
  const mime = sniffImageType(file.head);
  if (!mime) {
    await file.release();
    throw new Error(`stored file ${params.sha256} of board ${params.boardId} is not an image`);
  }
  const etag = `"${params.sha256}"`;
  const headers = {
    ...cors,
    ...FILE_RESPONSE_HEADERS,
    'content-type': mime,
    etag,
  };
  if (ifNoneMatch(request, etag)) {
    await file.release();
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': String(file.bytes) });
  if (request.method === 'HEAD') {
    await file.release();
    response.end();
    return;
  }
  await pipeline(file.open(), response);
}

function ifNoneMatch(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function preflight(response: ServerResponse, cors: Record<string, string>): void {
  response.writeHead(204, {
    ...cors,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': 'authorization, content-type, if-none-match',
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
  });
  response.end();
}

function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  error: FileRequestError,
  cors: Record<string, string>,
): void {
  // An upload refused before its end is not read to its end: the connection closes after the answer.
  const unread = request.method === 'PUT' && !request.complete;
  if (!unread) request.resume();
  const headers = unread ? { ...cors, ...error.headers, connection: 'close' } : { ...cors, ...error.headers };
  sendJson(response, error.status, { ok: false, error: { code: error.code, message: error.message } }, headers);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}
