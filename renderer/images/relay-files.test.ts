import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../../tests/support/files-api';
import { pngImage, sha256Of } from '../../tests/support/images';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { createRelayFiles } from './relay-files';

const TOKEN = 'images-client-token';
const BOARD = 'ImagesClient';

let dataDir: Awaited<ReturnType<typeof tempDir>>;
let relay: RelayProcess;

beforeAll(async () => {
  dataDir = await tempDir('easel-images-client-');
  relay = await startRelayProcess([
    '--port',
    '0',
    '--data-dir',
    dataDir.path,
    '--token',
    TOKEN,
    '--max-file-bytes',
    `${64 * 1024}`,
  ]);
  await createBoard(relay.url, TOKEN, BOARD);
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  await dataDir?.remove();
});

describe('the relay’s file API from the board (real relay process)', () => {
  it('uploads a PNG with the socket’s token, again without harm, and reads back the same bytes', async () => {
    const files = createRelayFiles(() => relay.url, TOKEN);
    const png = new Uint8Array(pngImage(4, 3));
    const sha = sha256Of(png);
    expect(await files.upload(BOARD, sha, 'image/png', png)).toEqual({ kind: 'stored' });
    expect(await files.upload(BOARD, sha, 'image/png', png)).toEqual({ kind: 'stored' });
    expect(await files.download(BOARD, sha)).toEqual(png);
  });

  it('turns refusals into words: a wrong token, a file that is not an image, one too large', async () => {
    const png = new Uint8Array(pngImage(2, 2));
    const refused = await createRelayFiles(() => relay.url, 'wrong').upload(BOARD, sha256Of(png), 'image/png', png);
    expect(refused).toMatchObject({ kind: 'refused', status: 401 });
    const files = createRelayFiles(() => relay.url, TOKEN);
    const text = new TextEncoder().encode('not an image at all');
    expect(await files.upload(BOARD, sha256Of(text), 'image/png', text)).toMatchObject({
      kind: 'refused',
      status: 415,
      message: expect.any(String),
    });
    const big = new Uint8Array(pngImage(256, 256, { rgba: [1, 2, 3, 4] }));
    const noisy = big.length > 64 * 1024 ? big : new Uint8Array([...big, ...new Uint8Array(70 * 1024)]);
    expect(await files.upload(BOARD, sha256Of(noisy), 'image/png', noisy)).toMatchObject({
      kind: 'refused',
      status: 413,
    });
  });

  it('says the relay is out of reach when nothing answers, and downloads nothing it cannot check', async () => {
    const files = createRelayFiles(() => 'http://127.0.0.1:9', TOKEN);
    const png = new Uint8Array(pngImage(2, 2));
    expect(await files.upload(BOARD, sha256Of(png), 'image/png', png)).toEqual({ kind: 'unreachable' });
    expect(await files.download(BOARD, sha256Of(png))).toBeNull();
    expect(await createRelayFiles(() => relay.url, TOKEN).download(BOARD, 'f'.repeat(64))).toBeNull();
  });
});
