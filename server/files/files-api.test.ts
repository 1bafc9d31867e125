import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePath } from '../../shared/files';
import { createBoard, fileError, FilesApi, putPartially } from '../../tests/support/files-api';
import { gifImage, jpegHeader, pngImage, sha256Of, SVG_IMAGE, webpHeader } from '../../tests/support/images';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { boardStorageName } from '../storage/board-storage-name';

const TOKEN = 'files-test-token';
const BOARD = 'FilesBoard';
const MAX_FILE_BYTES = 64 * 1024;

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;
let api: FilesApi;

beforeAll(async () => {
  dataDir = await tempDir('easel-files-');
  relay = await startRelayProcess([
    '--port',
    '0',
    '--data-dir',
    dataDir.path,
    '--token',
    TOKEN,
    '--max-file-bytes',
    `${MAX_FILE_BYTES}`,
    '--max-image-megapixels',
    '4',
  ]);
  api = new FilesApi(relay.url, TOKEN);
  await createBoard(relay.url, TOKEN, BOARD);
});

afterAll(async () => {
  await relay?.stop();
  await dataDir?.remove();
});

/** What the board's files folder holds, temp files included. */
async function filesOnDisk(boardId = BOARD): Promise<string[]> {
  return readdir(path.join(dataDir.path, 'boards', boardStorageName(boardId), 'files')).catch(() => []);
}

describe('storing and serving a board file', () => {
  it('stores a PNG (201), serves the same bytes with immutable caching, and answers a repeated PUT with 200', async () => {
    const png = pngImage(3, 2);
    const sha = sha256Of(png);
    const first = await api.stored(BOARD, sha, png);
    expect(first.status).toBe(201);
    expect(first.file).toEqual({ ok: true, sha256: sha, mime: 'image/png', bytes: png.length, width: 3, height: 2 });
    expect(await filesOnDisk()).toContain(sha);

    const response = await api.get(BOARD, sha);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('etag')).toBe(`"${sha}"`);

    const revalidated = await api.call(BOARD, sha, { headers: { 'if-none-match': `"${sha}"` } });
    expect(revalidated.status).toBe(304);
    const head = await api.call(BOARD, sha, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(png.length));

    const again = await api.stored(BOARD, sha, png);
    expect(again.status).toBe(200);
    expect(again.file).toEqual(first.file);
  });

  it('takes JPEG, GIF and WebP by their first bytes, whatever the Content-Type says', async () => {
    for (const [bytes, mime, width, height] of [
      [jpegHeader(1024, 768, 3000), 'image/jpeg', 1024, 768],
      [gifImage(640, 480), 'image/gif', 640, 480],
      [webpHeader(800, 600), 'image/webp', 800, 600],
    ] as const) {
      const sha = sha256Of(bytes);
      const response = await api.call(BOARD, sha, {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ mime, width, height });
      expect((await api.get(BOARD, sha)).headers.get('content-type')).toBe(mime);
    }
  });

  it('answers 404 for a hash the board does not have, and for a board that does not exist', async () => {
    const png = pngImage(1, 1, { rgba: [1, 2, 3, 255] });
    const missing = await api.get(BOARD, sha256Of(png));
    expect(missing.status).toBe(404);
    expect((await fileError(missing)).code).toBe('NOT_FOUND');
    const noBoard = await api.put('NoSuchBoard', sha256Of(png), png);
    expect(noBoard.status).toBe(404);
    expect(await filesOnDisk('NoSuchBoard')).toEqual([]);
  });

  it('refuses a malformed hash or board id with 400', async () => {
    const response = await api.get(BOARD, 'ABC');
    expect(response.status).toBe(400);
    expect((await fileError(response)).code).toBe('BAD_REQUEST');
    expect((await api.get('bad.id', 'a'.repeat(64))).status).toBe(400);
  });
});

describe('what the relay refuses, storing nothing', () => {
  it('a body whose SHA-256 is not the one in the URL: 422 HASH_MISMATCH', async () => {
    const png = pngImage(4, 4);
    const wrong = sha256Of(Buffer.from('something else'));
    const response = await api.put(BOARD, wrong, png);
    expect(response.status).toBe(422);
    const error = await fileError(response);
    expect(error.code).toBe('HASH_MISMATCH');
    expect(error.message).toContain(sha256Of(png));
    const onDisk = await filesOnDisk();
    expect(onDisk).not.toContain(wrong);
    expect(onDisk.filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('a text file named .png, and an SVG: 415 UNSUPPORTED_TYPE, saying why', async () => {
    const text = Buffer.from('just some text pretending to be a picture.png\n');
    const textAnswer = await api.call(BOARD, sha256Of(text), {
      method: 'PUT',
      body: new Uint8Array(text),
      headers: { 'content-type': 'image/png' },
    });
    expect(textAnswer.status).toBe(415);
    expect(await fileError(textAnswer)).toMatchObject({ code: 'UNSUPPORTED_TYPE' });

    const svgAnswer = await api.put(BOARD, sha256Of(SVG_IMAGE), SVG_IMAGE);
    expect(svgAnswer.status).toBe(415);
    expect((await fileError(svgAnswer)).message).toMatch(/SVG/);
    expect(await filesOnDisk()).not.toContain(sha256Of(SVG_IMAGE));
    expect(await filesOnDisk()).not.toContain(sha256Of(text));
  });

  it('a file over --max-file-bytes: 413 as soon as it is known, without reading the rest', async () => {
    const start = pngImage(2, 2);
    const sha = sha256Of(start);
    const headers = { authorization: `Bearer ${TOKEN}` };
    // Declared too large: refused before a byte of the body is read; the rest is never sent.
    const declared = await putPartially(relay.url, filePath(BOARD, sha), headers, start, 30 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // Not declared (chunked): refused once more than the limit has arrived, the rest never sent.
    const chunked = await putPartially(
      relay.url,
      filePath(BOARD, sha),
      headers,
      Buffer.concat([start, Buffer.alloc(MAX_FILE_BYTES)]),
    );
    expect(chunked.status).toBe(413);
    expect(await filesOnDisk()).not.toContain(sha);
  });

  it('a header claiming more pixels than --max-image-megapixels: 422 TOO_MANY_PIXELS', async () => {
    const bomb = pngImage(1, 1, { claim: { width: 100_000, height: 100_000 } });
    const response = await api.put(BOARD, sha256Of(bomb), bomb);
    expect(response.status).toBe(422);
    const error = await fileError(response);
    expect(error.code).toBe('TOO_MANY_PIXELS');
    expect(error.message).toContain('100000×100000');

    const wideGif = gifImage(4000, 2000); // 8 megapixels, over this relay's 4
    const gifAnswer = await api.put(BOARD, sha256Of(wideGif), wideGif);
    expect(gifAnswer.status).toBe(422);
    expect(await filesOnDisk()).not.toContain(sha256Of(bomb));
    expect(await filesOnDisk()).not.toContain(sha256Of(wideGif));
  });

  it('an empty body: 400', async () => {
    const response = await api.put(BOARD, sha256Of(Buffer.alloc(0)), Buffer.alloc(0));
    expect(response.status).toBe(400);
  });
});
