/**
 * The relay's host API of passes, locks, people and the join log
 * (shared/access), seen from the host's page. Only the host token opens it.
 * Every answer is validated before the UI sees it.
 */
import type { z } from 'zod';
import {
  type BoardAccess,
  boardAccessSchema,
  type CreatedPass,
  createdPassSchema,
  type JoinRecord,
  joinLogSchema,
  lockStateSchema,
  type Pass,
  passListSchema,
} from '../../shared/access';
import type { Role } from '../../shared/protocol';

/** An access request failed; the message is fit to show. */
export class AccessError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface AccessClient {
  createPass(boardId: string, request: { role: Role; label?: string }): Promise<CreatedPass>;
  listPasses(boardId: string): Promise<Pass[]>;
  /** Revokes a pass: everyone who came in with it is cut off. */
  revokePass(passId: string): Promise<void>;
  setLocked(boardId: string, locked: boolean): Promise<void>;
  boardAccess(boardId: string): Promise<BoardAccess>;
  joins(boardId: string): Promise<JoinRecord[]>;
}

export function createAccessClient(relayUrl: string, hostToken: string, fetchImpl: typeof fetch = fetch): AccessClient {
  const base = relayUrl.replace(/\/+$/, '');
  const call = async (route: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${route}`, {
        ...init,
        headers: { authorization: `Bearer ${hostToken}`, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch {
      throw new AccessError('The relay cannot be reached.', 0);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
      const detail = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new AccessError(`The relay refused: ${detail}.`, response.status);
    }
    return response;
  };
  const json = async <Schema extends z.ZodType>(schema: Schema, route: string, init?: RequestInit) => {
    const parsed = schema.safeParse(await (await call(route, init)).json().catch(() => undefined));
    if (!parsed.success) throw new AccessError('The relay sent an answer this app does not understand.', 502);
    return parsed.data as z.output<Schema>;
  };
  const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
  return {
    createPass: (boardId, request) =>
      json(createdPassSchema, `${board(boardId)}/passes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      }),
    listPasses: async (boardId) => (await json(passListSchema, `${board(boardId)}/passes`)).passes,
    async revokePass(passId) {
      await call(`/api/passes/${encodeURIComponent(passId)}`, { method: 'DELETE' });
    },
    async setLocked(boardId, locked) {
      await json(lockStateSchema, `${board(boardId)}/lock`, { method: locked ? 'PUT' : 'DELETE' });
    },
    boardAccess: (boardId) => json(boardAccessSchema, `${board(boardId)}/access`),
    joins: async (boardId) => (await json(joinLogSchema, `${board(boardId)}/joins`)).joins,
  };
}
