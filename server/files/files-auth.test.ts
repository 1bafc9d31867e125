import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePath } from '../../shared/files';
import { AccessApi, connectWith } from '../../tests/support/access-api';
import { createBoard, fileError, FilesApi } from '../../tests/support/files-api';
import { httpGet } from '../../tests/support/http-request';
import { pngImage, sha256Of } from '../../tests/support/images';
import { connectErrorOf } from '../../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { PROTOCOL_VERSION } from '../../shared/protocol';

const HOST_TOKEN = 'files-auth-host-token';
const GUEST_TOKEN = 'files-auth-guest';
const BOARD = 'AuthBoard';
const OTHER_BOARD = 'OtherBoard';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;
let host: FilesApi;
let access: AccessApi;
/** A file already on BOARD, for the reads. */
const stored = pngImage(2, 2, { rgba: [10, 20, 30, 255] });
let counter = 0;

/** A PNG no test has uploaded yet. */
function freshPng(): Buffer {
  counter++;
  return pngImage(1, 1, { rgba: [counter & 255, (counter >> 8) & 255, 7, 255] });
}

beforeAll(async () => {
  dataDir = await tempDir('easel-files-auth-');
  relay = await startRelayProcess([
    ...['--port', '0', '--data-dir', dataDir.path],
    ...['--token', GUEST_TOKEN, '--host-token', HOST_TOKEN],
    ...['--max-auth-failures-per-ip', '5', '--auth-lockout-seconds', '600'],
  ]);
  host = new FilesApi(relay.url, HOST_TOKEN);
  access = new AccessApi(relay.url, HOST_TOKEN);
  await createBoard(relay.url, HOST_TOKEN, BOARD);
  await createBoard(relay.url, HOST_TOKEN, OTHER_BOARD);
  await host.stored(BOARD, sha256Of(stored), stored);
});

afterAll(async () => {
  await relay?.stop();
  await dataDir?.remove();
});

describe('who may store and read a board file', () => {
  it('refuses a request without a token, or with a wrong one, on a relay that asks for one: 401', async () => {
    const png = freshPng();
    for (const token of [null, 'not-the-token']) {
      const put = await host.put(BOARD, sha256Of(png), png, token);
      expect(put.status).toBe(401);
      expect(put.headers.get('www-authenticate')).toBe('Bearer');
      expect((await fileError(put)).code).toBe('UNAUTHORIZED');
    }
    expect((await host.get(BOARD, sha256Of(stored), null)).status).toBe(401);
  });

  it('takes the --token and the host token, as a socket does', async () => {
    const guest = new FilesApi(relay.url, GUEST_TOKEN);
    const png = freshPng();
    expect((await guest.stored(BOARD, sha256Of(png), png)).status).toBe(201);
    expect((await guest.get(BOARD, sha256Of(stored))).status).toBe(200);
    expect((await host.get(BOARD, sha256Of(png))).status).toBe(200);
  });

  it('an editor pass writes and reads its own board only: another board is 403', async () => {
    const pass = await access.createPass(BOARD, { role: 'editor', label: 'Ed' });
    const editor = new FilesApi(relay.url, pass.token);
    const png = freshPng();
    expect((await editor.stored(BOARD, sha256Of(png), png)).status).toBe(201);
    expect((await editor.get(BOARD, sha256Of(png))).status).toBe(200);

    const elsewhere = await editor.put(OTHER_BOARD, sha256Of(png), png);
    expect(elsewhere.status).toBe(403);
    expect((await fileError(elsewhere)).message).toContain(`opens board ${BOARD} only`);
    expect((await editor.get(OTHER_BOARD, sha256Of(stored))).status).toBe(403);

    expect((await access.revoke(pass.id)).status).toBe(204);
    const revoked = await editor.get(BOARD, sha256Of(stored));
    expect(revoked.status).toBe(401);
  });

  it('a viewer pass reads but may not write: 403', async () => {
    const pass = await access.createPass(BOARD, { role: 'viewer' });
    const viewer = new FilesApi(relay.url, pass.token);
    const png = freshPng();
    const put = await viewer.put(BOARD, sha256Of(png), png);
    expect(put.status).toBe(403);
    expect(await fileError(put)).toEqual({ code: 'FORBIDDEN', message: 'view only' });
    const get = await viewer.get(BOARD, sha256Of(stored));
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(stored)).toBe(true);
  });

  it('on a locked board only the host writes; everyone admitted still reads', async () => {
    const pass = await access.createPass(BOARD, { role: 'editor' });
    const editor = new FilesApi(relay.url, pass.token);
    const guest = new FilesApi(relay.url, GUEST_TOKEN);
    await access.setLocked(BOARD, true);
    try {
      const png = freshPng();
      for (const api of [editor, guest]) {
        const put = await api.put(BOARD, sha256Of(png), png);
        expect(put.status).toBe(403);
        expect((await fileError(put)).message).toMatch(/locked/);
        expect((await api.get(BOARD, sha256Of(stored))).status).toBe(200);
      }
      expect((await host.stored(BOARD, sha256Of(png), png)).status).toBe(201);
    } finally {
      await access.setLocked(BOARD, false);
    }
  });

  it('answers only the relay’s own pages and trusted origins, with CORS for the desktop app', async () => {
    const sha = sha256Of(stored);
    const evil = await host.call(BOARD, sha, { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const desktop = await host.call(BOARD, sha, { headers: { origin: 'app://easel' } });
    expect(desktop.status).toBe(200);
    expect(desktop.headers.get('access-control-allow-origin')).toBe('app://easel');

    const preflight = await host.call(BOARD, sha, {
      method: 'OPTIONS',
      token: null,
      headers: { origin: 'app://easel', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses files of a deleted board (in the trash) to everyone: 403', async () => {
    const doomed = 'DoomedBoard';
    await createBoard(relay.url, HOST_TOKEN, doomed);
    const png = freshPng();
    await host.stored(doomed, sha256Of(png), png);
    const deleted = await access.call(`/api/boards/${doomed}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    for (const token of [HOST_TOKEN, GUEST_TOKEN]) {
      const get = await host.get(doomed, sha256Of(png), token);
      expect(get.status).toBe(403);
      expect((await fileError(get)).message).toBe('this board was deleted');
    }
  });

  it('counts wrong tokens toward the same lockout as handshakes', async () => {
    const from = '127.0.0.3';
    const path = filePath(BOARD, sha256Of(stored));
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await httpGet(`${relay.url}${path}`, {
        localAddress: from,
        headers: { authorization: 'Bearer x' },
      });
      expect(answer.status).toBe(401);
    }
    const locked = await httpGet(`${relay.url}${path}`, {
      localAddress: from,
      headers: { authorization: `Bearer ${GUEST_TOKEN}` },
    });
    expect(locked.status).toBe(429);
    expect(JSON.parse(locked.body)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    const refused = await connectErrorOf(
      relay.url,
      { v: PROTOCOL_VERSION, token: GUEST_TOKEN },
      { localAddress: from },
    );
    expect(refused.message).toBe('RATE_LIMITED');
    // The host is never locked out; other addresses are not either.
    const hostAnswer = await httpGet(`${relay.url}${path}`, {
      localAddress: from,
      headers: { authorization: `Bearer ${HOST_TOKEN}` },
    });
    expect(hostAnswer.status).toBe(200);
    (await connectWith(relay.url, GUEST_TOKEN)).close();
  });
});

describe('a relay that asks for no token', () => {
  it('lets anyone store and read, as it lets anyone connect', async () => {
    const openDir = await tempDir('easel-files-open-');
    const open = await startRelayProcess(['--port', '0', '--data-dir', openDir.path]);
    try {
      await createBoard(open.url, undefined, BOARD);
      const api = new FilesApi(open.url, undefined);
      const png = freshPng();
      expect((await api.stored(BOARD, sha256Of(png), png)).status).toBe(201);
      expect((await api.get(BOARD, sha256Of(png))).status).toBe(200);
      // A pass-shaped token that opens nothing is refused even here, as at a handshake.
      expect((await api.get(BOARD, sha256Of(png), `AAAAAAAAAAAAAAAA.${'s'.repeat(43)}`)).status).toBe(401);
    } finally {
      await open.stop();
      await openDir.remove();
    }
  });
});
