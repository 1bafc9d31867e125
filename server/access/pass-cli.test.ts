import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdPassSchema, passListSchema } from '../../shared/access';
import { connectWith, joinBoard, type JoinOk, sendUpdate, shapeUpdate } from '../../tests/support/access-api';
import { connectErrorOf, type RawSocket } from '../../tests/support/protocol-client';
import { type RelayProcess, runRelayCli, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';

/** `npm run relay -- pass …` as a person runs it: real CLI processes, a real relay, real files. */

const HOST_TOKEN = 'host-token-0123456789';
const BOARD = 'cli-board';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess | null = null;
const sockets: RawSocket[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-pass-cli-');
  // A board to hand passes out for, made the way boards are made: a join.
  await startRelay();
  const host = await connect(HOST_TOKEN);
  expect(await joinBoard(host, BOARD)).toMatchObject({ ok: true });
  await stopRelay();
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await stopRelay();
  await dataDir.remove();
});

async function startRelay(extra: string[] = ['--host-token', HOST_TOKEN]): Promise<RelayProcess> {
  relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, ...extra], {
    env: { LOG_LEVEL: 'warn' },
  });
  return relay;
}

async function stopRelay(): Promise<void> {
  for (const socket of sockets.splice(0)) socket.close();
  await relay?.stop(2_000);
  relay = null;
}

async function connect(token: string): Promise<RawSocket> {
  if (!relay) throw new Error('no relay');
  const socket = await connectWith(relay.url, token);
  sockets.push(socket);
  return socket;
}

/** Each CLI run starts node with tsx (seconds on a loaded machine); a test runs several. */
const CLI_TESTS = { timeout: 120_000 };

const pass = (...args: string[]) => runRelayCli(['pass', ...args, '--data-dir', dataDir.path]);

describe('pass on a data dir no relay holds', CLI_TESTS, () => {
  it('creates, lists and revokes in the files, and the relay started afterwards honours them', async () => {
    const created = await pass('create', '--board', BOARD, '--role', 'viewer', '--label', 'Projector');
    expect(created.code).toBe(0);
    const token = /^token: (\S+)$/m.exec(created.stdout)?.[1] ?? '';
    const id = token.split('.')[0] ?? '';
    expect(created.stdout).toContain(`pass ${id}: viewer of board ${BOARD} (Projector), no expiry`);
    expect(created.stdout).toContain(`link:  <the relay's address>/b/${BOARD}?t=${token}`);
    expect(await readFile(path.join(dataDir.path, 'access', 'passes.json'), 'utf8')).not.toContain(token.split('.')[1]);

    const listed = await pass('list', '--board', BOARD, '--json');
    expect(passListSchema.parse(JSON.parse(listed.stdout)).passes).toEqual([
      expect.objectContaining({ id, role: 'viewer', label: 'Projector' }),
    ]);

    await startRelay([]);
    const socket = await connect(token);
    expect(((await joinBoard(socket, BOARD)) as JoinOk).role).toBe('viewer');
    await stopRelay();

    expect(await pass('revoke', id)).toMatchObject({ code: 0, stdout: `pass ${id} revoked\n` });
    expect((await pass('list', '--board', BOARD)).stdout).toBe('no passes\n');
    await startRelay([]);
    expect((await connectErrorOf(relay?.url ?? '', { v: 1, token })).message).toBe('UNAUTHORIZED');
  });

  it('says what is wrong: no board, no pass, no data dir, a bad flag', async () => {
    expect(await pass('create', '--board', 'nope', '--role', 'editor')).toMatchObject({
      code: 1,
      stderr: 'easel relay pass: there is no board nope\n',
    });
    expect(await pass('revoke', 'AAAAAAAAAAAAAAAA')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no pass'),
    });
    const missing = await runRelayCli(['pass', 'list', '--board', BOARD, '--data-dir', path.join(dataDir.path, 'x')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no data dir') });
    // One bad flag as a person meets it; the rest of the flag checks are pass-cli-options.test.ts.
    const badRole = await pass('create', '--board', BOARD, '--role', 'owner');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role:');
    expect((await runRelayCli(['pass', '--help'])).stdout).toContain('pass create --board ID --role editor|viewer');
  });
});

describe('pass on a data dir a relay holds', CLI_TESTS, () => {
  it('goes through the running relay’s API: the pass works at once and revoking cuts its holder off', async () => {
    await startRelay();
    const refused = await pass('create', '--board', BOARD, '--role', 'editor');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('give its host token with --host-token or RELAY_HOST_TOKEN');

    const created = await pass('create', '--board', BOARD, '--role', 'editor', '--json', '--host-token', HOST_TOKEN);
    expect(created.code).toBe(0);
    const made = createdPassSchema.parse(JSON.parse(created.stdout));
    // The running relay knows it already: it was made there, not in files behind its back.
    const socket = await connect(made.token);
    expect(await joinBoard(socket, BOARD)).toMatchObject({ ok: true, role: 'editor' });
    expect(await sendUpdate(socket, BOARD, shapeUpdate('from-cli-pass'))).toEqual({ ok: true });

    const revoked = await pass('revoke', made.id, '--host-token', HOST_TOKEN);
    expect(revoked).toMatchObject({ code: 0, stdout: `pass ${made.id} revoked\n` });
    await waitFor(() => !socket.connected, 'the pass holder to be cut off');

    const wrong = await pass('list', '--board', BOARD, '--host-token', 'not-the-host-token-123');
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('refused the host token') });
  });

  it('says so when the running relay has no host API', async () => {
    await startRelay([]);
    const result = await pass('list', '--board', BOARD, '--host-token', HOST_TOKEN);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('runs without a host API');
  });

  it('takes --url to reach a relay elsewhere', async () => {
    const running = await startRelay();
    const other = await tempDir('easel-pass-cli-elsewhere-');
    try {
      const result = await runRelayCli([
        'pass',
        'create',
        '--board',
        BOARD,
        '--role',
        'viewer',
        '--url',
        running.url,
        '--host-token',
        HOST_TOKEN,
        '--data-dir',
        other.path,
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^link: {2}${running.url}/b/${BOARD}\\?t=\\S+$`, 'm'));
    } finally {
      await other.remove();
    }
  });
});
