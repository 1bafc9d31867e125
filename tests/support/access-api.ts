import * as Y from 'yjs';
import {
  boardAccessSchema,
  type CreatedPass,
  createdPassSchema,
  joinLogSchema,
  passListSchema,
} from '../../shared/access';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { connectRaw, type RawSocket, request } from './protocol-client';

/** The relay's host API of passes and locks (shared/access), as a test calls it: plain fetch with the host token. */
export class AccessApi {
  constructor(
    private readonly url: string,
    private readonly hostToken: string,
  ) {}

  call(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
    const { token = this.hostToken, headers, ...rest } = init;
    return fetch(`${this.url}${path}`, {
      ...rest,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(headers as object) },
    });
  }

  postJson(path: string, body: unknown): Promise<Response> {
    return this.call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async createPass(
    boardId: string,
    body: { role: 'editor' | 'viewer'; label?: string; expiresInSeconds?: number },
  ): Promise<CreatedPass> {
    const response = await this.postJson(`/api/boards/${boardId}/passes`, body);
    if (response.status !== 201) throw new Error(`create pass: ${response.status} ${await response.text()}`);
    return createdPassSchema.parse(await response.json());
  }

  async listPasses(boardId: string) {
    const response = await this.call(`/api/boards/${boardId}/passes`);
    return passListSchema.parse(await response.json()).passes;
  }

  revoke(passId: string): Promise<Response> {
    return this.call(`/api/passes/${passId}`, { method: 'DELETE' });
  }

  async setLocked(boardId: string, locked: boolean): Promise<void> {
    const response = await this.call(`/api/boards/${boardId}/lock`, { method: locked ? 'PUT' : 'DELETE' });
    if (response.status !== 200) throw new Error(`lock: ${response.status} ${await response.text()}`);
  }

  async boardAccess(boardId: string) {
    const response = await this.call(`/api/boards/${boardId}/access`);
    return boardAccessSchema.parse(await response.json());
  }

  async joins(boardId: string) {
    const response = await this.call(`/api/boards/${boardId}/joins`);
    return joinLogSchema.parse(await response.json()).joins;
  }
}

export interface JoinOk {
  ok: true;
  update: Uint8Array;
  stateVector: Uint8Array;
  epoch: string;
  role: 'editor' | 'viewer';
}
export type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

export const joinBoard = (socket: RawSocket, boardId: string) =>
  request<JoinOk | Ack>(socket, 'board:join', { boardId, stateVector: Y.encodeStateVector(new Y.Doc()) });

export const sendUpdate = (socket: RawSocket, boardId: string, update: Uint8Array) =>
  request<Ack>(socket, 'board:update', { boardId, update });

/** A socket that presents `token` (and a name for the join log). */
export function connectWith(url: string, token: string | undefined, name?: string): Promise<RawSocket> {
  return connectRaw(url, {
    v: PROTOCOL_VERSION,
    ...(token !== undefined && { token }),
    ...(name !== undefined && { name }),
  });
}

/** An update adding one shape, as a fresh client would make it. */
export function shapeUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('shapes').set(id, { type: 'rect', id, x: 1, y: 2 });
  return Y.encodeStateAsUpdate(doc);
}

/** The shape ids the relay holds for a board, as a late joiner sees them. */
export async function shapeIdsOnRelay(url: string, token: string, boardId: string): Promise<string[]> {
  const socket = await connectWith(url, token);
  try {
    const ack = await joinBoard(socket, boardId);
    if (!ack.ok || !('update' in ack)) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(ack.update));
    return [...doc.getMap('shapes').keys()].sort();
  } finally {
    socket.close();
  }
}
