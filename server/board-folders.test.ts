import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardListSchema, trashListSchema } from '../shared/catalog';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { connectRaw, request } from '../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import { tempDir } from '../tests/support/temp-dir';
import { readBoard } from './storage/board-loader';
import { FileBoardStorage } from './storage/board-files';
import { FileBoardStore } from './storage/file-store';
import { OpenLogFiles } from './storage/open-log-files';
import { ShapeEditor, shapesOf } from './storage/test-support';

const HOST_TOKEN = 'host-token-for-folder-tests';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
const relays: RelayProcess[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-folders-');
});

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop(5_000);
  await dataDir.remove();
});

const onWindows = process.platform === 'win32';
const boardsDir = () => path.join(dataDir.path, 'boards');
const trashDir = () => path.join(dataDir.path, 'trash');

async function startRelay(): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, '--host-token', HOST_TOKEN]);
  relays.push(relay);
  return relay;
}

/** Stops the relay with SIGTERM: every board is flushed and, with a log, compacted. */
async function stopRelay(relay: RelayProcess): Promise<void> {
  relays.splice(relays.indexOf(relay), 1);
  expect(await relay.stop()).toBe(0);
}

/** Joins `boardId`, sets each shape (one acknowledged update each), and returns the shapes the relay sent back. */
async function edit(relay: RelayProcess, boardId: string, shapes: Record<string, number> = {}) {
  const socket = await connectRaw(relay.url, { v: PROTOCOL_VERSION, token: HOST_TOKEN });
  try {
    const doc = new Y.Doc();
    const joined = await request<{ ok: boolean; update: ArrayBuffer }>(socket, 'board:join', {
      boardId,
      stateVector: Y.encodeStateVector(doc),
    });
    expect(joined.ok, `join ${boardId}`).toBe(true);
    Y.applyUpdate(doc, new Uint8Array(joined.update));
    for (const [key, value] of Object.entries(shapes)) {
      const before = Y.encodeStateVector(doc);
      doc.getMap('shapes').set(key, value);
      const update = Y.encodeStateAsUpdate(doc, before);
      expect(await request(socket, 'board:update', { boardId, update })).toEqual({ ok: true });
    }
    return doc.getMap('shapes').toJSON();
  } finally {
    socket.close();
  }
}

const contentOf = (relay: RelayProcess, boardId: string) => edit(relay, boardId);

async function api(relay: RelayProcess, route: string, method = 'GET') {
  const response = await fetch(`${relay.url}/api/boards${route}`, {
    method,
    headers: { authorization: `Bearer ${HOST_TOKEN}` },
  });
  expect(response.status, `${method} ${route}`).toBe(200);
  return response.json() as Promise<unknown>;
}

describe('board folders on disk', () => {
  it('stores CaseBoard and caseboard as two boards in two folders, both kept across a restart', async () => {
    const relay = await startRelay();
    for (let round = 0; round < 3; round += 1) {
      await edit(relay, 'CaseBoard', { [`upper${round}`]: round });
      await edit(relay, 'caseboard', { [`lower${round}`]: round });
    }
    await stopRelay(relay);
    expect((await fs.readdir(boardsDir())).sort()).toEqual(['caseboard', 'caseboard+11']);

    const again = await startRelay();
    expect(await contentOf(again, 'CaseBoard')).toEqual({ upper0: 0, upper1: 1, upper2: 2 });
    expect(await contentOf(again, 'caseboard')).toEqual({ lower0: 0, lower1: 1, lower2: 2 });
    const listed = boardListSchema.parse(await api(again, ''));
    expect(listed.map((board) => board.id).sort()).toEqual(['CaseBoard', 'caseboard']);
  });

  it('takes CON and nul as board ids, stored under names Windows accepts', async () => {
    const relay = await startRelay();
    await edit(relay, 'CON', { device: 1 });
    await edit(relay, 'nul', { device: 2 });
    await edit(relay, 'Com1', { device: 3 });
    await stopRelay(relay);
    expect((await fs.readdir(boardsDir())).sort()).toEqual(['com1+1', 'con+7', 'nul+0']);

    const again = await startRelay();
    expect(await contentOf(again, 'CON')).toEqual({ device: 1 });
    expect(await contentOf(again, 'nul')).toEqual({ device: 2 });
    expect(await contentOf(again, 'Com1')).toEqual({ device: 3 });
    expect(await contentOf(again, 'con')).toEqual({});
  });

  it('moves the folders of an older data dir (named by raw ids) at start, finishing a move cut short, and every board loads', async () => {
    const relay = await startRelay();
    await edit(relay, 'MixedCase', { mixed: 1 });
    await edit(relay, 'con', { reserved: 2 });
    await edit(relay, 'plain', { plain: 3 });
    await edit(relay, 'AlreadyMoved', { moved: 4 });
    await edit(relay, 'Gone', { deleted: 5 });
    await api(relay, '/Gone', 'DELETE');
    await stopRelay(relay);
    // The layout relays before storage names wrote; AlreadyMoved stands for a migration a crash cut short.
    await fs.rename(path.join(boardsDir(), 'mixedcase+21'), path.join(boardsDir(), 'MixedCase'));
    // Windows cannot have a folder named con, so an older relay there never made one.
    if (!onWindows) await fs.rename(path.join(boardsDir(), 'con+0'), path.join(boardsDir(), 'con'));
    await fs.rename(path.join(trashDir(), 'gone+1'), path.join(trashDir(), 'Gone'));

    const migrated = await startRelay();
    expect((await fs.readdir(boardsDir())).sort()).toEqual(['alreadymoved+81', 'con+0', 'mixedcase+21', 'plain']);
    expect(await fs.readdir(trashDir())).toEqual(['gone+1']);
    expect(migrated.stdout().match(/"msg":"board-folder-migrated"/g)).toHaveLength(onWindows ? 2 : 3);
    expect(await contentOf(migrated, 'MixedCase')).toEqual({ mixed: 1 });
    expect(await contentOf(migrated, 'con')).toEqual({ reserved: 2 });
    expect(await contentOf(migrated, 'plain')).toEqual({ plain: 3 });
    expect(await contentOf(migrated, 'AlreadyMoved')).toEqual({ moved: 4 });
    const trash = trashListSchema.parse(await api(migrated, '/trash'));
    expect(trash.map((board) => board.id)).toEqual(['Gone']);
    await api(migrated, '/Gone/restore', 'POST');
    expect(await contentOf(migrated, 'Gone')).toEqual({ deleted: 5 });
    await stopRelay(migrated);

    const once = await startRelay();
    expect(once.stdout()).not.toMatch(/board-folder-migrated/);
    expect(await contentOf(once, 'MixedCase')).toEqual({ mixed: 1 });
  });

  describe('on a case-insensitive disk (macOS and Windows are; elsewhere a symlink makes the other casing the same folder)', () => {
    it('the raw ids older relays used share one folder there, and its two writers lose acknowledged writes', async () => {
      // The folder of caseboard, as an older relay made it.
      const store = await FileBoardStore.create(dataDir.path);
      await (await store.open('caseboard')).storage.close();
      await store.close();
      await aliasOtherCasing(boardsDir(), 'caseboard', 'CaseBoard');

      // What the older relay did for each id: open <boards>/<id>, each with its own log handle.
      const lower = await openFolder(path.join(boardsDir(), 'caseboard'), 'caseboard');
      const upper = await openFolder(path.join(boardsDir(), 'CaseBoard'), 'CaseBoard');
      await lower.edit('fromLower');
      await upper.edit('fromUpper');
      // CaseBoard compacts (as when it passes 4 MiB or unloads): its snapshot has only its own doc.
      await upper.storage.compact(() => Y.encodeStateAsUpdate(upper.doc));
      await lower.edit('fromLowerLater');
      await Promise.all([lower.storage.close(), upper.storage.close()]);

      const reread = await readBoard(path.join(boardsDir(), 'caseboard'), 'caseboard');
      const kept = shapesOf(reread!.doc);
      expect(kept).toHaveProperty('fromUpper');
      expect(kept, 'both of caseboard’s acknowledged writes are gone').not.toHaveProperty('fromLower');
      expect(kept).not.toHaveProperty('fromLowerLater');
    });

    it('the relay now keeps CaseBoard and caseboard apart there, and both keep every write', async () => {
      await fs.mkdir(boardsDir(), { recursive: true });
      // Whatever CaseBoard's folder would be called in raw-id form is caseboard's folder on this disk.
      await aliasOtherCasing(boardsDir(), 'caseboard', 'CaseBoard');
      const relay = await startRelay();
      for (let round = 0; round < 3; round += 1) {
        await edit(relay, 'caseboard', { [`lower${round}`]: round });
        await edit(relay, 'CaseBoard', { [`upper${round}`]: round });
      }
      await stopRelay(relay);
      const again = await startRelay();
      expect(await contentOf(again, 'CaseBoard')).toEqual({ upper0: 0, upper1: 1, upper2: 2 });
      expect(await contentOf(again, 'caseboard')).toEqual({ lower0: 0, lower1: 1, lower2: 2 });
      expect((await fs.realpath(path.join(boardsDir(), 'caseboard+11'))).toLowerCase()).not.toBe(
        (await fs.realpath(path.join(boardsDir(), 'caseboard'))).toLowerCase(),
      );
    });
  });
});

/** Opens a board folder directly, as FileBoardStore did per raw id: nothing stops two of these on one folder. */
async function openFolder(dir: string, boardId: string) {
  const onDisk = await readBoard(dir, boardId);
  if (!onDisk) throw new Error(`no board in ${dir}`);
  const last = onDisk.liveLogs.at(-1)!;
  const storage = new FileBoardStorage({
    boardId,
    dir,
    logPath: path.join(dir, last.fileName),
    // Its own pool, as each store has: nothing is shared between the two writers.
    files: new OpenLogFiles(1),
    fileWork: pLimit(1),
    generation: last.generation,
    logBytes: last.recordBytes,
    snapshotBytes: onDisk.snapshotBytes,
    log: () => undefined,
    onClosed: () => undefined,
  });
  const editor = new ShapeEditor();
  Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(onDisk.doc));
  return {
    doc: editor.doc,
    storage,
    /** One acknowledged edit: resolves once the record is fsynced. */
    edit: (shapeId: string) => storage.append(editor.setShape(shapeId)),
  };
}

/** Makes `other` name the folder `name` names, as a case-insensitive disk does by itself (then nothing is done). */
async function aliasOtherCasing(dir: string, name: string, other: string): Promise<void> {
  const probe = path.join(dir, 'case-probe');
  await fs.writeFile(probe, '');
  const folds = await fs.access(path.join(dir, 'CASE-PROBE')).then(
    () => true,
    () => false,
  );
  await fs.rm(probe);
  if (!folds) await fs.symlink(name, path.join(dir, other));
}
