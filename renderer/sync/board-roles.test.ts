import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRelay, type RelayHandle } from '../../server/relay';
import { ACCESS_ENDED_MESSAGES } from '../../shared/protocol';
import { shapeIdsOnRelay } from '../../tests/support/access-api';
import { tempDir } from '../../tests/support/temp-dir';
import { sleep, waitFor } from '../../tests/support/wait';
import { SyncClient } from './sync-client';

/** Roles and ended access as the client lives them, against a real relay over real sockets. */

const HOST_TOKEN = 'host-token-0123456789';
const BOARD = 'roles';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayHandle;
const clients: SyncClient[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-roles-');
  relay = await createRelay({ port: 0, dataDir: dataDir.path, hostToken: HOST_TOKEN });
  const host = open(HOST_TOKEN);
  host.doc.getMap('shapes').set('host-shape', { type: 'rect' });
  await waitFor(() => host.board.status === 'synced' && host.board.pendingCount === 0, 'the host to make the board');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
  await dataDir.remove();
});

function open(token: string) {
  const client = new SyncClient({ url: relay.url, token, reconnectMinMs: 20, reconnectMaxMs: 50 });
  clients.push(client);
  const doc = new Y.Doc();
  return { client, doc, board: client.open(BOARD, doc) };
}

describe('a viewer', () => {
  it('gets the board but sends nothing and counts nothing as unsaved', async () => {
    const pass = await relay.access.createPass(BOARD, { role: 'viewer' });
    const viewer = open(pass.token);
    await waitFor(() => viewer.board.status === 'synced', 'the viewer to sync');
    expect(viewer.board.role).toBe('viewer');
    expect(viewer.doc.getMap('shapes').has('host-shape')).toBe(true);
    viewer.doc.getMap('shapes').set('sneaky', { type: 'rect' });
    await sleep(200);
    expect(viewer.board.pendingCount).toBe(0);
    expect(await shapeIdsOnRelay(relay.url, HOST_TOKEN, BOARD)).toEqual(['host-shape']);
  });
});

describe('a lock', () => {
  it('makes an editor a viewer live, and the unlock sends what was held back', async () => {
    const pass = await relay.access.createPass(BOARD, { role: 'editor' });
    const editor = open(pass.token);
    const roles: string[] = [];
    editor.board.events.on('role', (role) => roles.push(role));
    await waitFor(() => editor.board.status === 'synced', 'the editor to sync');
    await relay.access.setLocked(BOARD, true);
    await waitFor(() => editor.board.role === 'viewer', 'the lock to reach the editor');
    editor.doc.getMap('shapes').set('while-locked', { type: 'rect' });
    await sleep(200);
    expect(editor.board.pendingCount).toBe(0);
    await relay.access.setLocked(BOARD, false);
    await waitFor(() => editor.board.role === 'editor', 'the unlock to reach the editor');
    await waitFor(() => editor.board.pendingCount === 0 && editor.board.status === 'synced', 'the resync');
    expect(await shapeIdsOnRelay(relay.url, HOST_TOKEN, BOARD)).toEqual(['host-shape', 'while-locked']);
    expect(roles).toEqual(['editor', 'viewer', 'editor']);
  });
});

describe('ended access', () => {
  it('says why and never retries, also when a reload tries the same link', async () => {
    const pass = await relay.access.createPass(BOARD, { role: 'editor' });
    const guest = open(pass.token);
    await waitFor(() => guest.board.status === 'synced', 'the guest to sync');
    await relay.access.revokePass(pass.id);
    await waitFor(() => guest.client.status.accessEnded !== null, 'the guest to hear it was removed', 1_000);
    expect(guest.client.status).toMatchObject({
      state: 'offline',
      refused: true,
      nextRetryAt: null,
      accessEnded: ACCESS_ENDED_MESSAGES.revoked,
    });
    guest.client.retryNow();
    await sleep(300);
    expect(guest.client.status.state).toBe('offline');
    expect(guest.client.rawSocket.connected).toBe(false);

    const reloaded = open(pass.token);
    await waitFor(() => reloaded.client.status.accessEnded !== null, 'the reloaded page to be told');
    expect(reloaded.client.status.accessEnded).toBe(ACCESS_ENDED_MESSAGES.revoked);
  });
});
