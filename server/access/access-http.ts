import type { IncomingMessage } from 'node:http';
import { createPassRequestSchema, MAX_ACCESS_JSON_BYTES, PASS_ID_PATTERN, PASSES_API_PATH } from '../../shared/access';
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import type { Logger } from '../core/types';
import { allowMethods, type HostApiAnswer, hostApiHandler, HttpError, readJsonBody } from '../transport/host-api';
import type { AccessControl } from './access-control';
import { PassLimitError } from './pass-store';

export interface AccessHttpOptions {
  access: AccessControl;
  /** Whether a board exists and may be opened (not deleted): passes and locks are for those only. */
  boardIsOpenable(boardId: string): Promise<boolean>;
  hostToken: string;
  allowedOrigins: readonly string[];
  logger: Logger;
}

const BOARD_ROUTE = /^\/api\/boards\/([^/]+)\/(passes|lock|access|joins)$/;
const PASS_ROUTE = /^\/api\/passes\/([^/]+)$/;

/** Whether a path is one of the access routes (shared/access), which this handler answers. */
export function isAccessPath(path: string): boolean {
  return BOARD_ROUTE.test(path) || path === PASSES_API_PATH || path.startsWith(`${PASSES_API_PATH}/`);
}

/** The host API of passes, locks, people and the join log (routes in shared/access). */
export function accessHttpHandler(options: AccessHttpOptions) {
  return hostApiHandler({
    hostToken: options.hostToken,
    allowedOrigins: options.allowedOrigins,
    logger: options.logger,
    name: 'access',
    route: (request, path) => route(request, path, options),
  });
}

async function route(request: IncomingMessage, path: string, options: AccessHttpOptions): Promise<HostApiAnswer> {
  const method = request.method ?? 'GET';
  const { access } = options;
  const passRoute = PASS_ROUTE.exec(path);
  if (passRoute) {
    const passId = passRoute[1] ?? '';
    if (!PASS_ID_PATTERN.test(passId)) throw new HttpError(400, 'a pass id is 16 letters, digits, _ or -');
    allowMethods(method, ['DELETE']);
    if (!(await access.revokePass(passId))) throw new HttpError(404, 'no pass with this id');
    return { kind: 'empty' };
  }
  const boardRoute = BOARD_ROUTE.exec(path);
  if (!boardRoute) throw new HttpError(404, 'not found');
  const boardId = boardRoute[1] ?? '';
  if (!BOARD_ID_PATTERN.test(boardId)) throw new HttpError(400, 'board id must match [A-Za-z0-9_-]{1,64}');
  const mustBeOpenable = async () => {
    if (!(await options.boardIsOpenable(boardId))) throw new HttpError(404, 'no board with this id');
  };
  switch (boardRoute[2]) {
    case 'passes': {
      allowMethods(method, ['GET', 'POST']);
      if (method === 'GET') return json(200, { passes: access.listPasses(boardId) });
      const body = createPassRequestSchema.safeParse(await readJsonBody(request, MAX_ACCESS_JSON_BYTES));
      if (!body.success) throw new HttpError(400, body.error.issues.map(describeIssue).join('; '));
      await mustBeOpenable();
      try {
        return json(201, await access.createPass(boardId, body.data));
      } catch (error) {
        if (error instanceof PassLimitError) throw new HttpError(409, error.message);
        throw error;
      }
    }
    case 'lock': {
      allowMethods(method, ['PUT', 'DELETE']);
      if (method === 'PUT') await mustBeOpenable();
      await access.setLocked(boardId, method === 'PUT');
      return json(200, { boardId, locked: method === 'PUT' });
    }
    case 'access':
      allowMethods(method, ['GET']);
      return json(200, access.boardAccess(boardId));
    default:
      allowMethods(method, ['GET']);
      return json(200, { joins: await access.joins(boardId) });
  }
}

function json(status: number, body: unknown): HostApiAnswer {
  return { kind: 'json', status, body };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
