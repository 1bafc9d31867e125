import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AccessApi, connectWith, joinBoard, sendUpdate } from '../../tests/support/access-api';
import { createBoard, FilesApi } from '../../tests/support/files-api';
import { pngImage, sha256Of } from '../../tests/support/images';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { sleep } from '../../tests/support/wait';
import { boardStorageName } from '../storage/board-storage-name';

const HOST_TOKEN = 'files-gc-host-token';
const GRACE_SECONDS = 1;

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;
let files: FilesApi;
let access: AccessApi;

beforeAll(async () => {
  dataDir = await tempDir('easel-files-gc-');
  relay = await startRelayProcess([
    ...['--port', '0', '--data-dir', dataDir.path, '--host-token', HOST_TOKEN],
    ...['--file-grace-seconds', String(GRACE_SECONDS), '--file-sweep-seconds', '0.2'],
  ]);
  files = new FilesApi(relay.url, HOST_TOKEN);
  access = new AccessApi(relay.url, HOST_TOKEN);
});

afterAll(async () => {
  await relay?.stop();
  await dataDir?.remove();
});

/** Writes (or, with `sha256` null, deletes) an image shape on a board, as the images client does after the PUT. */
async function setImageShape(boardId: string, shapeId: string, sha256: string | null): Promise<void> {
  const socket = await connectWith(relay.url, HOST_TOKEN);
  try {
    const joined = await joinBoard(socket, boardId);
    if (!joined.ok || !('update' in joined)) throw new Error(`join: ${JSON.stringify(joined)}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(joined.update));
    const before = Y.encodeStateVector(doc);
    const shapes = doc.getMap('shapes');
    if (sha256 === null) shapes.delete(shapeId);
    else {
      shapes.set(shapeId, {
        type: 'image',
        id: shapeId,
        index: 'a0',
        x: 0,
        y: 0,
        rotation: 0,
        opacity: 1,
        style: { stroke: '#000000', fill: 'none', strokeWidth: 2 },
        w: 10,
        h: 10,
        sha256,
        naturalWidth: 1,
        naturalHeight: 1,
        mime: 'image/png',
      });
    }
    const ack = await sendUpdate(socket, boardId, Y.encodeStateAsUpdate(doc, before));
    if (!ack.ok) throw new Error(`update: ${JSON.stringify(ack)}`);
  } finally {
    socket.close();
  }
}

async function upload(boardId: string, seed: number): Promise<string> {
  const png = pngImage(1, 1, { rgba: [seed, 100, 50, 255] });
  const sha = sha256Of(png);
  await files.stored(boardId, sha, png);
  return sha;
}

async function status(boardId: string, sha256: string): Promise<number> {
  const response = await files.get(boardId, sha256);
  await response.arrayBuffer();
  return response.status;
}

/** Polls until the file is gone (404), or fails after `timeoutMs`. */
async function waitUntilDeleted(boardId: string, sha256: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while ((await status(boardId, sha256)) !== 404) {
    if (Date.now() - started > timeoutMs) throw new Error(`file ${sha256} of ${boardId} was never collected`);
    await sleep(100);
  }
}

describe('collecting board files no board names', () => {
  it('deletes an unnamed file after the grace period, and never one the board names', async () => {
    const board = 'GcBoard';
    await createBoard(relay.url, HOST_TOKEN, board);
    const named = await upload(board, 1);
    const unnamed = await upload(board, 2);
    await setImageShape(board, 'img1', named);

    await waitUntilDeleted(board, unnamed);
    expect(await status(board, named)).toBe(200);

    // Once its shape is gone, the named one goes too, after its own grace period.
    await setImageShape(board, 'img1', null);
    const unnamedAt = Date.now();
    await waitUntilDeleted(board, named);
    expect(Date.now() - unnamedAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 50);
  });

  it("keeps a deleted board's files in the trash, and they come back with it", async () => {
    const board = 'TrashedGcBoard';
    await createBoard(relay.url, HOST_TOKEN, board);
    const named = await upload(board, 3);
    const unnamed = await upload(board, 4);
    await setImageShape(board, 'img1', named);
    expect((await access.call(`/api/boards/${board}`, { method: 'DELETE' })).status).toBe(200);

    await sleep(GRACE_SECONDS * 1000 * 3);
    const trashed = await readdir(path.join(dataDir.path, 'trash', boardStorageName(board), 'files'));
    expect(trashed).toEqual(expect.arrayContaining([named, unnamed]));

    expect((await access.call(`/api/boards/${board}/restore`, { method: 'POST' })).status).toBe(200);
    const restored = await files.get(board, named);
    expect(restored.status).toBe(200);
    expect(Buffer.from(await restored.arrayBuffer()).equals(pngImage(1, 1, { rgba: [3, 100, 50, 255] }))).toBe(true);
  });

  it('starts the grace period afresh when a file is PUT again (a paste of it is on its way)', async () => {
    const board = 'RePutBoard';
    await createBoard(relay.url, HOST_TOKEN, board);
    const png = pngImage(1, 1, { rgba: [5, 100, 50, 255] });
    const sha = sha256Of(png);
    await files.stored(board, sha, png);
    await sleep(GRACE_SECONDS * 1000 * 0.8);
    expect((await files.stored(board, sha, png)).status).toBe(200);
    const putAgainAt = Date.now();
    await waitUntilDeleted(board, sha);
    expect(Date.now() - putAgainAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 50);
  });
});
