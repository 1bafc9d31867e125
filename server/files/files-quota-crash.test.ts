import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filePath } from '../../shared/files';
import { createBoard, fileError, FilesApi, putPartially } from '../../tests/support/files-api';
import { pngImage, sha256Of } from '../../tests/support/images';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { sleep } from '../../tests/support/wait';
import { boardStorageName } from '../storage/board-storage-name';

const TOKEN = 'files-quota-token';
const BOARD = 'QuotaBoard';

let dataDir: Awaited<ReturnType<typeof tempDir>> | undefined;
let relay: RelayProcess | undefined;

afterEach(async () => {
  await relay?.stop();
  relay = undefined;
  await dataDir?.remove();
  dataDir = undefined;
});

async function start(extra: string[] = []): Promise<RelayProcess> {
  dataDir ??= await tempDir('easel-files-quota-');
  relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path, '--token', TOKEN, ...extra]);
  return relay;
}

async function filesOnDisk(boardId = BOARD): Promise<string[]> {
  return readdir(path.join(dataDir?.path ?? '', 'boards', boardStorageName(boardId), 'files')).catch(() => []);
}

describe("a board's quota", () => {
  it('refuses the file that would pass --max-board-file-bytes, writing nothing; other boards are not touched', async () => {
    const running = await start(['--max-board-file-bytes', '4KiB']);
    const api = new FilesApi(running.url, TOKEN);
    await createBoard(running.url, TOKEN, BOARD);
    await createBoard(running.url, TOKEN, 'Roomy');
    // About 1.1 KiB each: three fit in 4 KiB, the fourth does not.
    const images = Array.from({ length: 4 }, () => pngImage(16, 16, { noise: true }));
    for (const image of images.slice(0, 3)) expect((await api.stored(BOARD, sha256Of(image), image)).status).toBe(201);

    const last = images[3]!;
    const refused = await api.put(BOARD, sha256Of(last), last);
    expect(refused.status).toBe(413);
    const error = await fileError(refused);
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.message).toMatch(/of its 4 KiB/);
    const onDisk = await filesOnDisk();
    expect(onDisk).not.toContain(sha256Of(last));
    expect(onDisk.filter((name) => name.startsWith('.'))).toEqual([]);
    expect((await api.get(BOARD, sha256Of(last))).status).toBe(404);

    // The same file is welcome on another board, and the same bytes again on the full one are no new bytes.
    expect((await api.stored('Roomy', sha256Of(last), last)).status).toBe(201);
    expect((await api.stored(BOARD, sha256Of(images[0]!), images[0]!)).status).toBe(200);
  });
});

describe('a relay killed with SIGKILL', () => {
  it('keeps a file it answered 201 for', async () => {
    const first = await start();
    await createBoard(first.url, TOKEN, BOARD);
    const png = pngImage(32, 32, { noise: true });
    expect((await new FilesApi(first.url, TOKEN).stored(BOARD, sha256Of(png), png)).status).toBe(201);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await start();
    const response = await new FilesApi(second.url, TOKEN).get(BOARD, sha256Of(png));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('leaves no file, partial or whole, of an upload it was receiving; the next relay removes the cut-off upload', async () => {
    const first = await start();
    await createBoard(first.url, TOKEN, BOARD);
    const png = pngImage(64, 64, { noise: true });
    const sha = sha256Of(png);
    const half = png.subarray(0, png.length >> 1);
    const answer = putPartially(
      first.url,
      filePath(BOARD, sha),
      { authorization: `Bearer ${TOKEN}` },
      half,
      png.length,
    ).catch((error: unknown) => error);
    // The relay has the first half in its temp file when it is killed.
    const started = Date.now();
    while (!(await filesOnDisk()).some((name) => name.startsWith('.upload-'))) {
      if (Date.now() - started > 10_000) throw new Error('the upload never reached the disk');
      await sleep(20);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await answer).toBeInstanceOf(Error);
    expect(await filesOnDisk()).not.toContain(sha);

    const second = await start();
    const cleaned = Date.now();
    while ((await filesOnDisk()).some((name) => name.startsWith('.upload-'))) {
      if (Date.now() - cleaned > 10_000) throw new Error('the cut-off upload was never removed');
      await sleep(50);
    }
    const api = new FilesApi(second.url, TOKEN);
    expect((await api.get(BOARD, sha)).status).toBe(404);
    expect((await api.stored(BOARD, sha, png)).status).toBe(201);
    expect(await filesOnDisk()).toEqual([sha]);
  });
});
