import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRelay, type RelayHandle } from '../../server/relay';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';
import { SyncClient } from '../sync';
import { openLocalFirstBoard } from './local-first-board';

type TempDir = Awaited<ReturnType<typeof tempDir>>;

const dirs: TempDir[] = [];
const relays: RelayHandle[] = [];
const clients: SyncClient[] = [];
let warnings: string[];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  warnings = [];
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const relay of relays.splice(0)) await relay.close();
  for (const dir of dirs.splice(0)) await dir.remove();
});

async function startRelay(dataDir: TempDir, port = 0): Promise<RelayHandle> {
  const relay = await createRelay({ port, dataDir: dataDir.path });
  relays.push(relay);
  return relay;
}

async function stopRelay(relay: RelayHandle): Promise<void> {
  relays.splice(relays.indexOf(relay), 1);
  await relay.close();
}

async function newDataDir(): Promise<TempDir> {
  const dir = await tempDir('easel-local-first-');
  dirs.push(dir);
  return dir;
}

/** One page load of a board: a new client, a new doc, the local copy, then the relay. */
async function session(relayUrl: string, boardId: string) {
  const sent: Uint8Array[] = [];
  const connect = () => {
    const client = new SyncClient({ url: relayUrl, reconnectMinMs: 20, reconnectMaxMs: 100 });
    clients.push(client);
    client.rawSocket.onAnyOutgoing((event: string, payload: { update?: Uint8Array }) => {
      if (event === 'board:update' && payload.update) sent.push(payload.update);
    });
    return client;
  };
  const doc = new Y.Doc();
  const local = await openLocalFirstBoard(doc, { relayUrl, boardId, connect, warn: (m) => warnings.push(m) });
  return { doc, local, sent, end: () => local.close() };
}

/** What a second device without a local copy sees of the board on the relay. */
async function relayContent(relayUrl: string, boardId: string): Promise<Record<string, unknown>> {
  const client = new SyncClient({ url: relayUrl });
  clients.push(client);
  const doc = new Y.Doc();
  const board = client.open(boardId, doc);
  await waitFor(() => board.status === 'synced', 'the reader synced');
  return shapes(doc).toJSON();
}

const shapes = (doc: Y.Doc) => doc.getMap<unknown>('shapes');
const synced = (local: { board: { status: string; pendingCount: number } }) =>
  local.board.status === 'synced' && local.board.pendingCount === 0;

describe('a board opened local-first against a real relay', () => {
  it('keeps edits made while the relay is down across a reload, and sends the relay only those', async () => {
    const dataDir = await newDataDir();
    const relay = await startRelay(dataDir);
    const { url, port } = relay;

    const online = await session(url, 'offline-edits');
    for (let i = 0; i < 100; i++) shapes(online.doc).set(`s${i}`, { type: 'rect', x: i, y: i, w: 40, h: 30 });
    await waitFor(() => synced(online.local), 'the first session saved');
    await online.end();
    await stopRelay(relay);

    const offline = await session(url, 'offline-edits');
    expect(Object.keys(shapes(offline.doc).toJSON())).toHaveLength(100);
    shapes(offline.doc).set('drawn-offline', { type: 'note', text: 'made while the relay was down' });
    await waitFor(() => offline.local.store.allChangesStored(), 'the offline edit stored on this device');
    expect(offline.local.board.pendingCount).toBe(1);
    expect(offline.local.hasChangesAtRisk()).toBe(false);
    expect(offline.sent).toEqual([]);
    await offline.end();

    await startRelay(dataDir, port);
    const back = await session(url, 'offline-edits');
    expect(Object.keys(shapes(back.doc).toJSON())).toHaveLength(101);
    await waitFor(() => synced(back.local) && back.sent.length > 0, 'the offline edit sent');
    const fullState = Y.encodeStateAsUpdate(back.doc).byteLength;
    const sentBytes = back.sent.reduce((total, update) => total + update.byteLength, 0);
    expect(sentBytes).toBeLessThan(fullState / 10);
    await waitFor(() => back.local.board.pendingCount === 0, 'acknowledged');

    const seen = await relayContent(url, 'offline-edits');
    expect(Object.keys(seen)).toHaveLength(101);
    expect(seen['drawn-offline']).toEqual({ type: 'note', text: 'made while the relay was down' });
    expect(warnings).toEqual([]);
  });

  it('does not connect when the board is left before its local copy has loaded', async () => {
    const relay = await startRelay(await newDataDir());
    let connections = 0;
    const left = new AbortController();
    const opening = openLocalFirstBoard(new Y.Doc(), {
      relayUrl: relay.url,
      boardId: 'left-early',
      signal: left.signal,
      connect: () => {
        connections++;
        return new SyncClient({ url: relay.url });
      },
    });
    left.abort(new Error('left the board'));
    await expect(opening).rejects.toThrow('left the board');
    expect(connections).toBe(0);
  });

  it('opens the board before the connection can fail, so a refused one shows as offline', async () => {
    const relay = await createRelay({ port: 0, dataDir: (await newDataDir()).path, token: 'secret' });
    relays.push(relay);
    const local = await openLocalFirstBoard(new Y.Doc(), {
      relayUrl: relay.url,
      boardId: 'refused',
      connect: () => {
        const client = new SyncClient({ url: relay.url, token: 'wrong' });
        clients.push(client);
        return client;
      },
    });
    await waitFor(() => local.client.status.refused, 'the relay refused the token');
    expect(local.board.status).toBe('offline');
  });

  it('does not push its copy into a board that was replaced on the relay, even after a reload', async () => {
    const relay = await startRelay(await newDataDir());
    const { url, port } = relay;
    const first = await session(url, 'replaced');
    shapes(first.doc).set('old', { type: 'rect' });
    await waitFor(() => synced(first.local), 'saved on the first relay');
    const epoch = first.local.board.epoch;
    await first.end();
    await stopRelay(relay);

    // The same address now holds a relay with an empty data dir: a new board under the same id.
    await startRelay(await newDataDir(), port);
    const again = await session(url, 'replaced');
    expect(again.local.store.knownEpoch).toBe(epoch);
    await waitFor(() => again.local.board.epochMismatch !== null, 'the mismatch found');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the copy on this device is kept and not sent');
    expect(shapes(again.doc).get('old')).toEqual({ type: 'rect' });
    expect(again.sent).toEqual([]);
    expect(await relayContent(url, 'replaced')).toEqual({});
  });
});
