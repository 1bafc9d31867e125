import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectWith, joinBoard, sendUpdate } from '../../tests/support/access-api';
import { createBoard, fileError, FilesApi } from '../../tests/support/files-api';
import { pngImage, sha256Of } from '../../tests/support/images';
import { type PostgresEngine, postgresMissing, startPostgres } from '../../tests/support/postgres';
import { type RelayProcess, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { sleep } from '../../tests/support/wait';

const TOKEN = 'files-postgres-token';

/**
 * Boards' files with `--store postgres://`: real relay processes on a real
 * PostgreSQL (tests/support/postgres.ts), so every relay of a deployment serves every file.
 */
describe.skipIf(postgresMissing)('board files in PostgreSQL', { timeout: 120_000 }, () => {
  let postgres: PostgresEngine;
  const relays: RelayProcess[] = [];
  const dirs: Array<Awaited<ReturnType<typeof tempDir>>> = [];

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(dirs.splice(0).map((dir) => dir.remove()));
  });
  afterAll(async () => postgres?.destroy());

  const startNode = async (store: string, node: string, extra: string[] = []) => {
    const dir = await tempDir('easel-files-pg-');
    dirs.push(dir);
    const relay = await startRelayProcess(
      ['--port', '0', '--store', store, '--node', node, '--data-dir', dir.path, '--token', TOKEN, ...extra],
      { env: { LOG_LEVEL: 'warn' }, timeoutMs: 60_000 },
    );
    relays.push(relay);
    return relay;
  };

  async function rowsOf(store: string): Promise<Array<{ board_id: string; sha256: string; bytes: number }>> {
    const client = new pg.Client({ connectionString: store });
    await client.connect();
    try {
      const { rows } = await client.query<{ board_id: string; sha256: string; bytes: number }>(
        'SELECT board_id, sha256, bytes FROM easel_board_files ORDER BY board_id, sha256',
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it('a file stored through one relay is served by another; refusals store nothing', async () => {
    const store = await postgres.createDatabase();
    const [first, second] = await Promise.all([startNode(store, 'n1'), startNode(store, 'n2')]);
    await createBoard(first!.url, TOKEN, 'Shared');
    const png = pngImage(20, 10, { noise: true });
    const sha = sha256Of(png);
    expect((await new FilesApi(first!.url, TOKEN).stored('Shared', sha, png)).status).toBe(201);

    const elsewhere = new FilesApi(second!.url, TOKEN);
    const response = await elsewhere.get('Shared', sha);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect((await elsewhere.stored('Shared', sha, png)).status).toBe(200);

    const mismatch = await elsewhere.put('Shared', sha256Of(Buffer.from('other')), png);
    expect(mismatch.status).toBe(422);
    const text = Buffer.from('not an image at all');
    expect((await elsewhere.put('Shared', sha256Of(text), text)).status).toBe(415);
    expect((await elsewhere.put('NoBoard', sha, png)).status).toBe(404);
    expect(await rowsOf(store)).toEqual([{ board_id: 'Shared', sha256: sha, bytes: png.length }]);
  });

  it('keeps the quota across relays, and a 201 through a relay killed with SIGKILL', async () => {
    const store = await postgres.createDatabase();
    const quota = ['--max-board-file-bytes', '4KiB'];
    const [first, second] = await Promise.all([startNode(store, 'q1', quota), startNode(store, 'q2', quota)]);
    await createBoard(first!.url, TOKEN, 'Full');
    const images = Array.from({ length: 4 }, () => pngImage(16, 16, { noise: true }));
    for (const [index, image] of images.slice(0, 3).entries()) {
      const relay = index % 2 === 0 ? first! : second!;
      expect((await new FilesApi(relay.url, TOKEN).stored('Full', sha256Of(image), image)).status).toBe(201);
    }
    const refused = await new FilesApi(second!.url, TOKEN).put('Full', sha256Of(images[3]!), images[3]!);
    expect(refused.status).toBe(413);
    expect((await fileError(refused)).code).toBe('QUOTA_EXCEEDED');
    expect(await rowsOf(store)).toHaveLength(3);

    first!.child.kill('SIGKILL');
    await first!.exited;
    const again = await startNode(store, 'q3', quota);
    const response = await new FilesApi(again.url, TOKEN).get('Full', sha256Of(images[0]!));
    expect(Buffer.from(await response.arrayBuffer()).equals(images[0]!)).toBe(true);
  });

  it('collects a file its board no longer names after the grace period, and keeps the named one', async () => {
    const store = await postgres.createDatabase();
    const relay = await startNode(store, 'gc', ['--file-grace-seconds', '1', '--file-sweep-seconds', '0.2']);
    await createBoard(relay.url, TOKEN, 'Collected');
    const api = new FilesApi(relay.url, TOKEN);
    const [named, unnamed] = [pngImage(2, 2), pngImage(3, 3)];
    await api.stored('Collected', sha256Of(named), named);
    await api.stored('Collected', sha256Of(unnamed), unnamed);

    const socket = await connectWith(relay.url, TOKEN);
    try {
      const joined = await joinBoard(socket, 'Collected');
      expect(joined.ok).toBe(true);
      const doc = new Y.Doc();
      doc.getMap('shapes').set('img', { type: 'image', id: 'img', sha256: sha256Of(named) });
      expect((await sendUpdate(socket, 'Collected', Y.encodeStateAsUpdate(doc))).ok).toBe(true);
    } finally {
      socket.close();
    }

    const started = Date.now();
    while ((await rowsOf(store)).length > 1) {
      if (Date.now() - started > 20_000) throw new Error('the unnamed file was never collected');
      await sleep(200);
    }
    expect((await rowsOf(store)).map((row) => row.sha256)).toEqual([sha256Of(named)]);
    expect((await api.get('Collected', sha256Of(unnamed))).status).toBe(404);
  });
});
