/**
 * The relay's board catalog (shared/catalog) seen from the renderer. Only the
 * desktop host's page holds the token that opens it; everyone else gets 401
 * or 404 and keeps the browser's own recent-boards list. Every answer is
 * validated before the UI sees it.
 */
import type { z } from 'zod';
import {
  type BoardSummary,
  boardListSchema,
  boardSummarySchema,
  CATALOG_API_PATH,
  catalogErrorSchema,
  type TrashedBoard,
  trashedBoardSchema,
  trashListSchema,
} from '../../shared/catalog';

export type { BoardSummary, TrashedBoard } from '../../shared/catalog';

/** A catalog request failed; the message is fit to show. */
export class CatalogError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface CatalogClient {
  list(): Promise<BoardSummary[]>;
  listTrash(): Promise<TrashedBoard[]>;
  rename(boardId: string, name: string): Promise<BoardSummary>;
  remove(boardId: string): Promise<TrashedBoard>;
  restore(boardId: string): Promise<BoardSummary>;
  putThumbnail(boardId: string, png: Blob): Promise<void>;
  /** The thumbnail as a Blob (an `<img>` cannot send the token), or null when there is none. */
  thumbnail(boardId: string): Promise<Blob | null>;
}

type Fetch = typeof fetch;

export function createCatalogClient(relayUrl: string, token: string, fetchImpl: Fetch = fetch): CatalogClient {
  const base = `${relayUrl.replace(/\/+$/, '')}${CATALOG_API_PATH}`;
  const call = async (route: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${route}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch {
      throw new CatalogError('The relay cannot be reached.', 0);
    }
    if (!response.ok) throw new CatalogError(await errorText(response), response.status);
    return response;
  };
  const json = async <Schema extends z.ZodType>(schema: Schema, route: string, init?: RequestInit) => {
    const response = await call(route, init);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new CatalogError('The relay sent an answer this app does not understand.', 502);
    return parsed.data as z.output<Schema>;
  };
  const id = (boardId: string) => `/${encodeURIComponent(boardId)}`;
  return {
    list: () => json(boardListSchema, ''),
    listTrash: () => json(trashListSchema, '/trash'),
    rename: (boardId, name) =>
      json(boardSummarySchema, id(boardId), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      }),
    remove: (boardId) => json(trashedBoardSchema, id(boardId), { method: 'DELETE' }),
    restore: (boardId) => json(boardSummarySchema, `${id(boardId)}/restore`, { method: 'POST' }),
    async putThumbnail(boardId, png) {
      await call(`${id(boardId)}/thumbnail`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png });
    },
    async thumbnail(boardId) {
      try {
        return await (await call(`${id(boardId)}/thumbnail`)).blob();
      } catch (error) {
        if (error instanceof CatalogError && error.status === 404) return null;
        throw error;
      }
    },
  };
}

/**
 * A client when the relay's catalog answers for this token, else null (a
 * browser tab, a guest, a relay without a host token, a relay not reachable).
 */
export async function probeCatalog(relayUrl: string, token: string | undefined, fetchImpl: Fetch = fetch) {
  if (!token) return null;
  const client = createCatalogClient(relayUrl, token, fetchImpl);
  try {
    await client.list();
    return client;
  } catch {
    return null;
  }
}

async function errorText(response: Response): Promise<string> {
  const body = catalogErrorSchema.safeParse(await response.json().catch(() => undefined));
  const detail = body.success ? body.data.error : `HTTP ${response.status}`;
  return `The relay refused: ${detail}.`;
}
