import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_ENDED_MESSAGES } from '../../shared/protocol';
import {
  AccessApi,
  connectWith,
  joinBoard,
  type JoinOk,
  sendUpdate,
  shapeUpdate,
} from '../../tests/support/access-api';
import { connectErrorOf, type RawSocket } from '../../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';

/**
 * Locks, the join log, expiry and boards a pass cannot create, against a real
 * relay process over real sockets and real files.
 */

const HOST_TOKEN = 'host-token-0123456789';
const TEAM_TOKEN = 'team-token';
const BOARD = 'lockable';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;
let api: AccessApi;
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-access-');
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await relay.stop(2_000);
  await dataDir.remove();
});

async function start(): Promise<void> {
  relay = await startRelayProcess(
    ['--port', '0', '--data-dir', dataDir.path, '--host-token', HOST_TOKEN, '--token', TEAM_TOKEN],
    { env: { LOG_LEVEL: 'warn' } },
  );
  api = new AccessApi(relay.url, HOST_TOKEN);
}

async function connect(token: string, name?: string): Promise<RawSocket> {
  const socket = await connectWith(relay.url, token, name);
  sockets.push(socket);
  return socket;
}

/** Roles the relay announced to a socket (`board:role`). */
function rolesOf(socket: RawSocket): string[] {
  const roles: string[] = [];
  socket.on('board:role', (message: { boardId: string; role: string }) =>
    roles.push(`${message.boardId}:${message.role}`),
  );
  return roles;
}

/** A pass written into passes.json by hand (as an older relay or an operator left it), with its token. */
async function writePassesFile(passes: { boardId: string; role: string; expiresAt: string | null }[]) {
  const tokens: string[] = [];
  const stored = passes.map((pass, index) => {
    const id = `handmadepass${String(index).padStart(4, '0')}`;
    const secret = 's'.repeat(42) + String(index % 10);
    tokens.push(`${id}.${secret}`);
    return {
      id,
      label: `hand ${index}`,
      createdAt: new Date().toISOString(),
      secretHash: createHash('sha256').update(secret).digest('hex'),
      ...pass,
    };
  });
  await mkdir(path.join(dataDir.path, 'access'), { recursive: true });
  await writeFile(path.join(dataDir.path, 'access', 'passes.json'), JSON.stringify({ format: 1, passes: stored }));
  return tokens;
}

describe('locking a board', () => {
  it('makes everyone but the host a viewer, live, and unlocking gives editors back; it survives a restart', async () => {
    await start();
    const host = await connect(HOST_TOKEN);
    await joinBoard(host, BOARD);
    const editorPass = await api.createPass(BOARD, { role: 'editor' });
    const viewerPass = await api.createPass(BOARD, { role: 'viewer' });
    const editor = await connect(editorPass.token);
    const viewer = await connect(viewerPass.token);
    const team = await connect(TEAM_TOKEN);
    for (const socket of [editor, viewer, team]) await joinBoard(socket, BOARD);
    const hostRoles = rolesOf(host);
    const editorRoles = rolesOf(editor);
    const viewerRoles = rolesOf(viewer);
    const teamRoles = rolesOf(team);

    await api.setLocked(BOARD, true);
    expect((await api.boardAccess(BOARD)).locked).toBe(true);
    await waitFor(() => editorRoles.length > 0 && teamRoles.length > 0, 'the editors to be told they view only');
    expect(editorRoles).toEqual([`${BOARD}:viewer`]);
    expect(teamRoles).toEqual([`${BOARD}:viewer`]);
    expect(await sendUpdate(editor, BOARD, shapeUpdate('while-locked'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'the board is locked: only the host can change it' },
    });
    expect(await sendUpdate(team, BOARD, shapeUpdate('while-locked-2'))).toMatchObject({ ok: false });
    expect(await sendUpdate(host, BOARD, shapeUpdate('host-while-locked'))).toEqual({ ok: true });
    // Someone joining now is a viewer from the start.
    const late = await connect(TEAM_TOKEN);
    expect(((await joinBoard(late, BOARD)) as JoinOk).role).toBe('viewer');

    await relay.stop();
    await start();
    const again = await connect(editorPass.token);
    expect(((await joinBoard(again, BOARD)) as JoinOk).role).toBe('viewer');
    const againRoles = rolesOf(again);
    const hostAgain = await connect(HOST_TOKEN);
    expect(((await joinBoard(hostAgain, BOARD)) as JoinOk).role).toBe('editor');

    await api.setLocked(BOARD, false);
    await waitFor(() => againRoles.length > 0, 'the editor to be told it edits again');
    expect(againRoles).toEqual([`${BOARD}:editor`]);
    expect(await sendUpdate(again, BOARD, shapeUpdate('after-unlock'))).toEqual({ ok: true });
    // Nobody else was told anything they did not need: the viewer stayed a viewer, the host an editor.
    expect(viewerRoles).toEqual([]);
    expect(hostRoles).toEqual([]);
  });

  it('answers 404 for a board that does not exist', async () => {
    await start();
    expect((await api.call('/api/boards/nothing-here/lock', { method: 'PUT' })).status).toBe(404);
    expect((await api.call('/api/boards/nothing-here/lock', { method: 'GET' })).status).toBe(405);
  });
});

describe('the join log', () => {
  it('records who came with which pass, from where, when they came and left; it survives a restart', async () => {
    await start();
    const host = await connect(HOST_TOKEN, 'Host');
    await joinBoard(host, BOARD);
    const ana = await api.createPass(BOARD, { role: 'editor', label: 'Ana’s link' });
    const ben = await api.createPass(BOARD, { role: 'viewer', label: 'View link' });
    const anaSocket = await connect(ana.token, 'Ana');
    const benSocket = await connect(ben.token, 'Ben');
    await joinBoard(anaSocket, BOARD);
    await joinBoard(benSocket, BOARD);

    const present = await api.boardAccess(BOARD);
    expect(present.people.map((person) => [person.name, person.access, person.passLabel, person.role])).toEqual([
      ['Host', 'host', null, 'editor'],
      ['Ana', 'pass', 'Ana’s link', 'editor'],
      ['Ben', 'pass', 'View link', 'viewer'],
    ]);
    expect(present.people[1]).toMatchObject({ passId: ana.id, address: expect.stringMatching(/127\.0\.0\.1$/) });

    benSocket.close();
    await expectEventually(async () => {
      const joins = await api.joins(BOARD);
      const benVisit = joins.find((visit) => visit.name === 'Ben');
      return benVisit?.leftAt !== null && benVisit !== undefined;
    });
    const joins = await api.joins(BOARD);
    expect(joins.map((visit) => [visit.name, visit.passLabel, visit.role])).toEqual([
      ['Ben', 'View link', 'viewer'],
      ['Ana', 'Ana’s link', 'editor'],
      ['Host', null, 'editor'],
    ]);
    expect(joins[0]).toMatchObject({ passId: ben.id, address: expect.stringMatching(/127\.0\.0\.1$/) });
    expect(Date.parse(joins[0]?.leftAt ?? '')).toBeGreaterThanOrEqual(Date.parse(joins[0]?.joinedAt ?? ''));
    expect(joins[1]?.leftAt).toBeNull();

    await relay.stop();
    await start();
    const after = await api.joins(BOARD);
    expect(after.map((visit) => visit.name)).toEqual(['Ben', 'Ana', 'Host']);
    // The relay's stop ended every visit.
    expect(after.every((visit) => visit.leftAt !== null)).toBe(true);
  });
});

describe('passes the relay finds on disk', () => {
  it('end connections when they expire, with the reason', async () => {
    const tokens = await writePassesFile([
      { boardId: BOARD, role: 'editor', expiresAt: new Date(Date.now() + 10_000).toISOString() },
    ]);
    await start();
    const host = await connect(HOST_TOKEN);
    await joinBoard(host, BOARD);
    const socket = await connect(tokens[0] ?? '');
    expect(await joinBoard(socket, BOARD)).toMatchObject({ ok: true, role: 'editor' });
    const ended: unknown[] = [];
    socket.on('access:ended', (message: unknown) => ended.push(message));
    await waitFor(() => !socket.connected, 'the expired pass to be cut off', 20_000);
    expect(ended).toEqual([{ reason: 'expired', message: ACCESS_ENDED_MESSAGES.expired }]);
    expect((await connectErrorOf(relay.url, { v: 1, token: tokens[0] })).message).toBe('UNAUTHORIZED');
  });

  it('never create the board they name', async () => {
    const tokens = await writePassesFile([{ boardId: 'gone-board', role: 'editor', expiresAt: null }]);
    await start();
    const socket = await connect(tokens[0] ?? '');
    expect(await joinBoard(socket, 'gone-board')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'a link opens a board that exists; it cannot create one' },
    });
    const boards = await readdir(path.join(dataDir.path, 'boards')).catch(() => []);
    expect(boards.some((name) => name.startsWith('gone'))).toBe(false);
  });

  it('are set aside when the file is damaged, and nothing opens with them', async () => {
    const tokens = await writePassesFile([{ boardId: BOARD, role: 'editor', expiresAt: null }]);
    await writeFile(path.join(dataDir.path, 'access', 'passes.json'), '{"format":1,"passes":[{"id":');
    await start();
    expect((await connectErrorOf(relay.url, { v: 1, token: tokens[0] })).message).toBe('UNAUTHORIZED');
    const kept = await readdir(path.join(dataDir.path, 'access'));
    expect(kept.some((name) => name.startsWith('passes.json.unreadable-'))).toBe(true);
    // The relay works on: a new pass can be made.
    const host = await connect(HOST_TOKEN);
    await joinBoard(host, BOARD);
    await api.createPass(BOARD, { role: 'viewer' });
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
