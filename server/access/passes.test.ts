import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PASSES_PER_BOARD, passSchema } from '../../shared/access';
import { ACCESS_ENDED_MESSAGES } from '../../shared/protocol';
import {
  AccessApi,
  connectWith,
  joinBoard,
  type JoinOk,
  sendUpdate,
  shapeIdsOnRelay,
  shapeUpdate,
} from '../../tests/support/access-api';
import { connectErrorOf, type RawSocket } from '../../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';

/**
 * Passes against a real relay process over real sockets and real files: the
 * host API, a pass's board and role, a viewer's crafted update, revoking,
 * restarts. Locks and the join log: access-rules.test.ts.
 */

const HOST_TOKEN = 'host-token-0123456789';
const BOARD = 'team-board';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;
let api: AccessApi;
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-passes-');
  await start();
  // The host makes the board, as the desktop host does by opening it.
  const host = await connect(HOST_TOKEN);
  expect(await sendAfterJoin(host, BOARD, 'host-shape')).toEqual({ ok: true });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await relay.stop(2_000);
  await dataDir.remove();
});

async function start(extra: string[] = []): Promise<void> {
  relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, '--host-token', HOST_TOKEN, ...extra], {
    env: { LOG_LEVEL: 'warn' },
  });
  api = new AccessApi(relay.url, HOST_TOKEN);
}

async function connect(token: string | undefined, name?: string): Promise<RawSocket> {
  const socket = await connectWith(relay.url, token, name);
  sockets.push(socket);
  return socket;
}

async function sendAfterJoin(socket: RawSocket, boardId: string, shapeId: string) {
  const joined = await joinBoard(socket, boardId);
  if (!joined.ok) return joined;
  return sendUpdate(socket, boardId, shapeUpdate(shapeId));
}

describe('the passes API', () => {
  it('makes a pass and tells its token once; lists passes without tokens; the file holds no token', async () => {
    const created = await api.createPass(BOARD, { role: 'viewer', label: 'Projector' });
    expect(created).toMatchObject({ boardId: BOARD, role: 'viewer', label: 'Projector', expiresAt: null });
    expect(created.token).toMatch(new RegExp(`^${created.id}\\.[A-Za-z0-9_-]{43}$`));
    const timed = await api.createPass(BOARD, { role: 'editor', expiresInSeconds: 3600 });
    expect(Date.parse(timed.expiresAt ?? '') - Date.parse(timed.createdAt)).toBe(3_600_000);
    expect(timed.label).toBe('');

    const listed = await api.listPasses(BOARD);
    expect(listed.map((pass) => pass.id)).toEqual([created.id, timed.id]);
    for (const pass of listed) expect(passSchema.strict().parse(pass)).not.toHaveProperty('token');
    expect(await api.listPasses('other-board')).toEqual([]);

    const secrets = [created.token, timed.token].map((token) => token.split('.')[1] ?? '');
    for (const file of await filesUnder(dataDir.path)) {
      const text = await readFile(file, 'latin1');
      for (const secret of secrets) expect(text.includes(secret), `${file} holds a pass secret`).toBe(false);
    }
  });

  it('refuses bad bodies, unknown boards, other tokens, and more than the passes a board may have', async () => {
    const post = (body: unknown) => api.postJson(`/api/boards/${BOARD}/passes`, body);
    expect((await post({ role: 'owner' })).status).toBe(400);
    expect((await post({ role: 'viewer', label: 'x'.repeat(81) })).status).toBe(400);
    expect((await post({ role: 'viewer', label: 'bell\u0007' })).status).toBe(400);
    expect((await post({ role: 'viewer', expiresInSeconds: 5 })).status).toBe(400);
    expect((await post({ role: 'viewer', expiresInSeconds: 1.5 })).status).toBe(400);
    expect((await post({ role: 'viewer', admin: true })).status).toBe(400);
    const notJson = await api.call(`/api/boards/${BOARD}/passes`, { method: 'POST', body: '{"role":"viewer"}' });
    expect(notJson.status).toBe(415);
    const huge = await api.call(`/api/boards/${BOARD}/passes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', label: 'y'.repeat(10_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await api.postJson('/api/boards/no-such-board/passes', { role: 'viewer' })).status).toBe(404);
    expect((await api.postJson('/api/boards/bad%20id/passes', { role: 'viewer' })).status).toBe(400);
    expect((await api.call(`/api/boards/${BOARD}/passes`, { token: null })).status).toBe(401);
    expect((await api.call(`/api/boards/${BOARD}/passes`, { token: 'wrong-token-0123456789' })).status).toBe(401);
    expect((await api.call(`/api/boards/${BOARD}/passes`, { method: 'PUT' })).status).toBe(405);
    expect((await api.revoke('not-a-pass-id')).status).toBe(400);
    expect((await api.revoke('AAAAAAAAAAAAAAAA')).status).toBe(404);

    const made = await Promise.all(
      Array.from({ length: MAX_PASSES_PER_BOARD }, (_, i) => api.createPass(BOARD, { role: 'viewer', label: `${i}` })),
    );
    expect(made).toHaveLength(MAX_PASSES_PER_BOARD);
    const over = await api.postJson(`/api/boards/${BOARD}/passes`, { role: 'viewer' });
    expect(over.status).toBe(409);
    expect(await over.json()).toEqual({ ok: false, error: expect.stringContaining('revoke one first') });
  });

  it('exists only on a relay with a host token', async () => {
    await relay.stop();
    relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path], { env: { LOG_LEVEL: 'warn' } });
    const response = await fetch(`${relay.url}/api/boards/${BOARD}/passes`);
    expect(response.status).toBe(404);
  });
});

describe('a pass on the socket', () => {
  it('opens its board with its role, and no other board', async () => {
    const viewer = await api.createPass(BOARD, { role: 'viewer' });
    const editor = await api.createPass(BOARD, { role: 'editor' });
    const viewerSocket = await connect(viewer.token);
    const editorSocket = await connect(editor.token);
    expect(await joinBoard(viewerSocket, BOARD)).toMatchObject({ ok: true, role: 'viewer' });
    expect(await joinBoard(editorSocket, BOARD)).toMatchObject({ ok: true, role: 'editor' });

    // Another board, existing or not, is refused, and nothing is created.
    const other = await connect(HOST_TOKEN);
    await joinBoard(other, 'private-board');
    for (const boardId of ['private-board', 'brand-new-board']) {
      expect(await joinBoard(editorSocket, boardId)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: `this link opens board ${BOARD} only` },
      });
    }
    const folders = await readdir(path.join(dataDir.path, 'boards'));
    expect(folders.some((name) => name.startsWith('brand-new'))).toBe(false);
    // Without the host token, a relay with one admits no one else.
    expect((await connectErrorOf(relay.url, { v: 1 })).message).toBe('UNAUTHORIZED');
  });

  it("refuses a viewer's update sent straight over the socket, and stores nothing of it", async () => {
    const viewer = await api.createPass(BOARD, { role: 'viewer' });
    const viewerSocket = await connect(viewer.token);
    expect(await joinBoard(viewerSocket, BOARD)).toMatchObject({ ok: true, role: 'viewer' });
    expect(await sendUpdate(viewerSocket, BOARD, shapeUpdate('viewer-shape'))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'view only' },
    });
    expect(await shapeIdsOnRelay(relay.url, HOST_TOKEN, BOARD)).toEqual(['host-shape']);
    // Nor after a restart: it never reached the board's files.
    await relay.stop();
    await start();
    expect(await shapeIdsOnRelay(relay.url, HOST_TOKEN, BOARD)).toEqual(['host-shape']);
  });

  it("lets an editor's update through to the host, and a viewer's presence too", async () => {
    const host = await connect(HOST_TOKEN);
    await joinBoard(host, BOARD);
    const received: string[] = [];
    host.on('board:update', () => received.push('update'));
    host.on('awareness:update', () => received.push('awareness'));

    const editor = await connect((await api.createPass(BOARD, { role: 'editor' })).token);
    expect(await sendAfterJoin(editor, BOARD, 'editor-shape')).toEqual({ ok: true });
    await waitFor(() => received.includes('update'), 'the host to get the editor’s shape');
    expect(await shapeIdsOnRelay(relay.url, HOST_TOKEN, BOARD)).toEqual(['editor-shape', 'host-shape']);

    const viewer = await connect((await api.createPass(BOARD, { role: 'viewer' })).token);
    await joinBoard(viewer, BOARD);
    viewer.emit('awareness:update', { boardId: BOARD, update: awarenessOf(4242) });
    await waitFor(() => received.includes('awareness'), 'the host to see the viewer’s cursor');
  });

  it('is cut off at once when its pass is revoked, with the reason, and refused from then on', async () => {
    const pass = await api.createPass(BOARD, { role: 'editor', label: 'Ana' });
    const first = await connect(pass.token, 'Ana');
    const second = await connect(pass.token, 'Ana again');
    const bystander = await connect((await api.createPass(BOARD, { role: 'editor' })).token);
    for (const socket of [first, second, bystander]) await joinBoard(socket, BOARD);
    const ended: unknown[] = [];
    first.on('access:ended', (message: unknown) => ended.push(message));

    const revokedAt = performance.now();
    expect((await api.revoke(pass.id)).status).toBe(204);
    await waitFor(() => !first.connected && !second.connected, 'both sockets of the pass to be cut off', 1_000);
    expect(performance.now() - revokedAt).toBeLessThan(1_000);
    expect(ended).toEqual([{ reason: 'revoked', message: ACCESS_ENDED_MESSAGES.revoked }]);
    expect(bystander.connected).toBe(true);

    const refusal = await connectErrorOf(relay.url, { v: 1, token: pass.token });
    expect(refusal.message).toBe('UNAUTHORIZED');
    expect(refusal.data?.detail).toContain('no longer opens a board');
    expect((await api.listPasses(BOARD)).map((listed) => listed.id)).not.toContain(pass.id);
    expect((await api.revoke(pass.id)).status).toBe(404);

    // Still revoked after a restart; the others still open the board.
    await relay.stop();
    await start();
    expect((await connectErrorOf(relay.url, { v: 1, token: pass.token })).message).toBe('UNAUTHORIZED');
  });

  it('survives a restart', async () => {
    const pass = await api.createPass(BOARD, { role: 'viewer', label: 'Wall screen' });
    await relay.stop();
    await start();
    expect(await api.listPasses(BOARD)).toEqual([expect.objectContaining({ id: pass.id, label: 'Wall screen' })]);
    const socket = await connect(pass.token);
    expect(((await joinBoard(socket, BOARD)) as JoinOk).role).toBe('viewer');
  });
});

/** One awareness entry (y-protocols framing) for `clientId`, with a cursor. */
function awarenessOf(clientId: number): Uint8Array {
  const state = JSON.stringify({ v: 1, user: { name: 'Viewer', color: '#112233' }, cursor: { x: 1, y: 2 } });
  const bytes: number[] = [];
  const varUint = (value: number) => {
    let rest = value;
    while (rest > 0x7f) {
      bytes.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
  };
  varUint(1);
  varUint(clientId);
  varUint(1);
  const text = new TextEncoder().encode(state);
  varUint(text.length);
  bytes.push(...text);
  return Uint8Array.from(bytes);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
