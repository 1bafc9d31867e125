import { readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardListSchema, trashListSchema } from '../../shared/catalog';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { connectRaw, type RawSocket, request } from '../../tests/support/protocol-client';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';
import { createRelay, type RelayHandle } from '../relay';

const HOST_TOKEN = 'host-secret-token';
const GUEST_TOKEN = 'guest-token';
const DESKTOP_ORIGIN = 'app://easel';

let dataDir: Awaited<ReturnType<typeof tempDir>> | undefined;
let relay: RelayHandle | undefined;
const sockets: RawSocket[] = [];
/** What test clients present: the host token, or the guest one on a relay without a host token. */
let clientToken = HOST_TOKEN;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await relay?.close();
  relay = undefined;
  await dataDir?.remove();
  dataDir = undefined;
});

async function startRelay(options: { hostToken?: string | null; catalogWriteIntervalMs?: number } = {}) {
  dataDir ??= await tempDir('easel-catalog-');
  clientToken = options.hostToken === null ? GUEST_TOKEN : HOST_TOKEN;
  relay = await createRelay({
    port: 0,
    dataDir: dataDir.path,
    hostToken: options.hostToken === null ? undefined : (options.hostToken ?? HOST_TOKEN),
    token: GUEST_TOKEN,
    allowedOrigins: [DESKTOP_ORIGIN],
    catalogWriteIntervalMs: options.catalogWriteIntervalMs,
  });
  return relay;
}

async function restartRelay() {
  await relay?.close();
  return startRelay();
}

function api(route: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = HOST_TOKEN, headers, ...rest } = init;
  return fetch(`${relay?.url}/api/boards${route}`, {
    ...rest,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(headers as object) },
  });
}

const renameTo = (boardId: string, body: unknown, extra: RequestInit = {}) =>
  api(`/${boardId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...extra,
  });

async function list() {
  const response = await api('');
  expect(response.status).toBe(200);
  return boardListSchema.parse(await response.json());
}

async function listTrash() {
  const response = await api('/trash');
  expect(response.status).toBe(200);
  return trashListSchema.parse(await response.json());
}

/** A client of the host (its token), joined to `boardId`, mirroring the board into `doc`. */
async function joinedClient(boardId: string) {
  const socket = await connectRaw(relay?.url ?? '', { v: PROTOCOL_VERSION, token: clientToken });
  sockets.push(socket);
  const doc = new Y.Doc();
  socket.on('board:update', (message: { boardId: string; update: Uint8Array }) => {
    if (message.boardId === boardId) Y.applyUpdate(doc, new Uint8Array(message.update), 'relay');
  });
  const ack = await request<{ ok: boolean; update: Uint8Array }>(socket, 'board:join', {
    boardId,
    stateVector: Y.encodeStateVector(doc),
  });
  expect(ack.ok).toBe(true);
  Y.applyUpdate(doc, new Uint8Array(ack.update), 'relay');
  const edit = async (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(doc);
    change(doc);
    const sent = await request<{ ok: boolean }>(socket, 'board:update', {
      boardId,
      update: Y.encodeStateAsUpdate(doc, before),
    });
    expect(sent).toEqual({ ok: true });
  };
  return { socket, doc, edit };
}

/** A board with one shape (and a name, when given), made through the sync protocol. */
async function makeBoard(boardId: string, name?: string) {
  const client = await joinedClient(boardId);
  await client.edit((doc) => {
    doc.getMap('shapes').set('s1', { type: 'rect', x: 1 });
    if (name !== undefined) doc.getMap('meta').set('name', name);
  });
  return client;
}

/** A real 1×1 PNG. */
function tinyPng(): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('board catalog API', () => {
  it('does not exist on a relay without a host token', async () => {
    await startRelay({ hostToken: null });
    await makeBoard('b1', 'Plans');
    for (const token of [HOST_TOKEN, GUEST_TOKEN, null]) {
      const response = await api('', { token });
      expect(response.status).toBe(404);
    }
    expect((await api('/b1', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a missing token, a wrong one and the guest token', async () => {
    await startRelay();
    await makeBoard('b1');
    for (const token of [null, 'wrong', GUEST_TOKEN, `${HOST_TOKEN}x`]) {
      const response = await api('', { token });
      expect(response.status, String(token)).toBe(401);
      expect(await response.json()).toEqual({ ok: false, error: 'the host token is missing or wrong' });
      expect((await api('/b1', { method: 'DELETE', token })).status).toBe(401);
    }
    expect(await list()).toHaveLength(1);
  });

  it('takes the Bearer scheme in any case (RFC 7235) and nothing else', async () => {
    await startRelay();
    await makeBoard('b1');
    for (const authorization of [`bearer ${HOST_TOKEN}`, `BEARER ${HOST_TOKEN}`, `Bearer  ${HOST_TOKEN}`]) {
      const response = await api('', { token: null, headers: { authorization } });
      expect(response.status, authorization).toBe(200);
    }
    for (const authorization of [`Basic ${HOST_TOKEN}`, `Bearer${HOST_TOKEN}`, HOST_TOKEN, `bearer ${HOST_TOKEN}x`]) {
      const response = await api('', { token: null, headers: { authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });

  it('lists boards newest first with their names', async () => {
    await startRelay();
    await makeBoard('older', 'Older board');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await makeBoard('newer');
    const boards = await list();
    expect(boards.map(({ id, name, thumbnail }) => ({ id, name, thumbnail }))).toEqual([
      { id: 'newer', name: null, thumbnail: false },
      { id: 'older', name: 'Older board', thumbnail: false },
    ]);
    expect(Date.parse(boards[0]?.updatedAt ?? '')).toBeGreaterThan(Date.parse(boards[1]?.updatedAt ?? ''));
  });

  it('renames a board live for a connected client and keeps the name in the board', async () => {
    await startRelay();
    const { doc } = await makeBoard('b1', 'First');
    const response = await renameTo('b1', { name: '  Team retro  ' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'b1', name: 'Team retro', thumbnail: false });
    await waitFor(() => doc.getMap('meta').get('name') === 'Team retro', 'the rename to reach the client');
    expect((await list())[0]?.name).toBe('Team retro');
    // A late joiner (after the board is unloaded and reloaded) gets it from storage.
    await restartRelay();
    const late = await joinedClient('b1');
    expect(late.doc.getMap('meta').get('name')).toBe('Team retro');
  });

  it('renames a board that is not loaded', async () => {
    await startRelay();
    const client = await makeBoard('b1', 'First');
    client.socket.close();
    await restartRelay();
    expect((await renameTo('b1', { name: 'Second' })).status).toBe(200);
    expect((await list())[0]?.name).toBe('Second');
  });

  it('refuses bad renames with a clear error and changes nothing', async () => {
    await startRelay();
    await makeBoard('b1', 'Kept');
    const cases: [Response, number, RegExp][] = [
      [await renameTo('b1', { name: '' }), 400, /cannot be empty/],
      [await renameTo('b1', { name: 'x'.repeat(257) }), 400, /at most 256/],
      [await renameTo('b1', { name: 'two\nlines' }), 400, /line breaks/],
      [await renameTo('b1', { name: 'ok', extra: 1 }), 400, /extra|Unrecognized/i],
      [await renameTo('b1', '{not json'), 400, /not valid JSON/],
      [await renameTo('b1', { name: 'ok' }, { headers: { 'content-type': 'text/plain' } }), 415, /application\/json/],
      [await renameTo('missing', { name: 'ok' }), 404, /no board/],
      [await renameTo('..%2F..%2Fetc', { name: 'ok' }), 400, /board id/],
      [await api('/b1', { method: 'PUT' }), 405, /method/],
      [await api('/b1/nothing'), 404, /not found/],
    ];
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      expect((await response.json()) as unknown).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    }
    expect((await api('/b1', { method: 'PUT' })).headers.get('allow')).toBe('PATCH, DELETE, OPTIONS');
    expect((await renameTo('b1', { name: 'x' }, { body: 'y'.repeat(20_000) })).status).toBe(413);
    expect((await list()).map((board) => board.name)).toEqual(['Kept']);
    expect(await list()).toHaveLength(1);
  });

  it('deletes into the trash, disconnects the board’s clients and restores', async () => {
    await startRelay();
    const client = await makeBoard('doomed', 'Doomed');
    await makeBoard('other');
    const disconnected = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
    const response = await api('/doomed', { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'doomed', name: 'Doomed', thumbnail: false });
    await disconnected;
    expect((await list()).map((board) => board.id)).toEqual(['other']);
    expect((await listTrash()).map(({ id, name }) => ({ id, name }))).toEqual([{ id: 'doomed', name: 'Doomed' }]);
    // The files are kept, out of the boards folder.
    expect(await readFile(path.join(dataDir?.path ?? '', 'trash', 'doomed', 'meta.json'), 'utf8')).toContain('epoch');

    // Its clients rejoin and are told why they cannot.
    const again = await connectRaw(relay?.url ?? '', { v: PROTOCOL_VERSION, token: HOST_TOKEN });
    sockets.push(again);
    const refused = await request(again, 'board:join', {
      boardId: 'doomed',
      stateVector: Y.encodeStateVector(new Y.Doc()),
    });
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'this board was deleted' } });
    expect((await renameTo('doomed', { name: 'x' })).status).toBe(404);
    expect((await api('/doomed', { method: 'DELETE' })).status).toBe(404);

    const restored = await api('/doomed/restore', { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: 'doomed', name: 'Doomed' });
    expect(await listTrash()).toEqual([]);
    const back = await joinedClient('doomed');
    expect(back.doc.getMap('shapes').get('s1')).toEqual({ type: 'rect', x: 1 });
    expect((await api('/doomed/restore', { method: 'POST' })).status).toBe(404);
  });

  it('refuses to restore over a board that exists again (409)', async () => {
    await startRelay();
    await makeBoard('twice', 'First life');
    expect((await api('/twice', { method: 'DELETE' })).status).toBe(200);
    await relay?.close();
    // While its deleted copy is away, a new board takes the id.
    const trashed = path.join(dataDir?.path ?? '', 'trash', 'twice');
    const away = path.join(dataDir?.path ?? '', 'away');
    await rename(trashed, away);
    await startRelay();
    await makeBoard('twice', 'Second life');
    await relay?.close();
    await rename(away, trashed);
    await startRelay();
    const response = await api('/twice/restore', { method: 'POST' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ ok: false, error: 'a board with this id exists again' });
    expect((await list()).map((board) => board.name)).toEqual(['Second life']);
    expect((await listTrash()).map((board) => board.name)).toEqual(['First life']);
  });

  it('purges trash older than 30 days when the relay starts', async () => {
    await startRelay();
    await makeBoard('ancient', 'Ancient');
    await makeBoard('recent', 'Recent');
    expect((await api('/ancient', { method: 'DELETE' })).status).toBe(200);
    expect((await api('/recent', { method: 'DELETE' })).status).toBe(200);
    await relay?.close();
    const deletedFile = path.join(dataDir?.path ?? '', 'trash', 'ancient', 'deleted.json');
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString();
    await writeFile(deletedFile, JSON.stringify({ name: 'Ancient', deletedAt: longAgo }));
    await startRelay();
    expect((await listTrash()).map((board) => board.id)).toEqual(['recent']);
    await expect(readFile(deletedFile)).rejects.toThrow(/ENOENT/);
  });

  it('keeps a deleted board whose deleted.json is missing, however old its files are', async () => {
    await startRelay();
    await makeBoard('unrecorded', 'Unrecorded');
    expect((await api('/unrecorded', { method: 'DELETE' })).status).toBe(200);
    await relay?.close();
    const folder = path.join(dataDir?.path ?? '', 'trash', 'unrecorded');
    await rm(path.join(folder, 'deleted.json'));
    const longAgo = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000);
    for (const name of await readdir(folder)) await utimes(path.join(folder, name), longAgo, longAgo);
    // Two starts: each would have purged it by its files' age.
    for (let start = 0; start < 2; start += 1) {
      await restartRelay();
      const trash = await listTrash();
      expect(trash.map((board) => board.id)).toEqual(['unrecorded']);
      expect(Date.parse(trash[0]?.deletedAt ?? '')).toBeLessThan(Date.now() - 399 * 24 * 60 * 60 * 1000);
      expect(await readFile(path.join(folder, 'meta.json'), 'utf8')).toContain('epoch');
    }
    const restored = await api('/unrecorded/restore', { method: 'POST' });
    expect(restored.status).toBe(200);
    const back = await joinedClient('unrecorded');
    expect(back.doc.getMap('shapes').get('s1')).toEqual({ type: 'rect', x: 1 });
  });

  it('keeps names and times in sidecars across restarts, and lists boards older than sidecars', async () => {
    await startRelay({ catalogWriteIntervalMs: 60_000 });
    const client = await makeBoard('named', 'Named');
    await makeBoard('legacy');
    // An edit after the name waits for the interval (not written per update), but a listing already shows it.
    await client.edit((doc) => doc.getMap('shapes').set('s2', { type: 'rect', x: 2 }));
    const before = await list();
    const sidecar = path.join(dataDir?.path ?? '', 'boards', 'named', 'catalog.json');
    const written = JSON.parse(await readFile(sidecar, 'utf8')) as { name: string; updatedAt: string };
    expect(written.name).toBe('Named');
    expect(before.find((board) => board.id === 'named')?.updatedAt).not.toBe(written.updatedAt);

    await relay?.close(); // closing writes what is pending
    await rm(path.join(dataDir?.path ?? '', 'boards', 'legacy', 'catalog.json'));
    await startRelay();
    const after = await list();
    expect(after.find((board) => board.id === 'named')).toEqual(before.find((board) => board.id === 'named'));
    const legacy = after.find((board) => board.id === 'legacy');
    expect(legacy?.name).toBeNull();
    expect(Date.now() - Date.parse(legacy?.updatedAt ?? '')).toBeLessThan(60_000);
  });

  it('stores and serves thumbnails, refusing what is not a small PNG', async () => {
    await startRelay();
    await makeBoard('b1');
    const png = tinyPng();
    const put = (body: Buffer | string, type = 'image/png', boardId = 'b1') =>
      api(`/${boardId}/thumbnail`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
      });
    expect((await api('/b1/thumbnail')).status).toBe(404);
    expect((await put(png)).status).toBe(204);
    const got = await api('/b1/thumbnail');
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect((await list())[0]?.thumbnail).toBe(true);

    expect((await put('not a png at all')).status).toBe(400);
    expect((await put(png, 'image/jpeg')).status).toBe(415);
    const huge = Buffer.concat([png, Buffer.alloc(256 * 1024)]);
    const tooBig = await put(huge);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ ok: false, error: 'the body is over 262144 bytes' });
    expect((await put(png, 'image/png', 'nobody')).status).toBe(404);
    expect((await api('/b1/thumbnail', { token: GUEST_TOKEN })).status).toBe(401);
    // The refused uploads left the stored one alone.
    expect(Buffer.from(await (await api('/b1/thumbnail')).arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers CORS for the desktop renderer’s origin only', async () => {
    await startRelay();
    await makeBoard('b1');
    const preflight = await fetch(`${relay?.url}/api/boards/b1`, {
      method: 'OPTIONS',
      headers: {
        origin: DESKTOP_ORIGIN,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const allowed = await api('', { headers: { origin: DESKTOP_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);

    for (const origin of ['http://evil.example', 'app://easel.evil']) {
      const refused = await api('', { headers: { origin } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const refusedPreflight = await fetch(`${relay?.url}/api/boards`, { method: 'OPTIONS', headers: { origin } });
      expect(refusedPreflight.status).toBe(403);
    }
    // The relay's own pages (same origin) need no CORS headers and get none.
    const sameOrigin = await api('', { headers: { origin: relay?.url ?? '' } });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });
});
