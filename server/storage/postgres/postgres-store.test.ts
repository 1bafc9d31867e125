import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayError } from '../../../shared/protocol';
import { type PostgresEngine, postgresMissing, startPostgres } from '../../../tests/support/postgres';
import { PostgresBoardStore } from './postgres-store';

/** An update that sets `key` on the board's `shapes` map, as a client's would. */
function edit(doc: Y.Doc, key: string, value: string): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (bytes: Uint8Array) => (update = bytes);
  doc.once('update', capture);
  doc.getMap('shapes').set(key, value);
  return update!;
}

function shapesOf(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap('shapes').toJSON();
}

describe.skipIf(postgresMissing)('PostgresBoardStore against a real PostgreSQL', () => {
  let engine: PostgresEngine;
  beforeAll(async () => {
    engine = await startPostgres();
  }, 60_000);
  afterAll(async () => engine?.destroy());

  const openStore = (url: string, node = 'test-node') => PostgresBoardStore.create({ url, node });

  it('runs its migrations once, and keeps a board with its epoch across stores', async () => {
    const url = await engine.createDatabase();
    const first = await openStore(url);
    const board = await first.open('durable');
    const writer = new Y.Doc();
    await Promise.all([board.storage.append(edit(writer, 'a', '1')), board.storage.append(edit(writer, 'b', '2'))]);
    await board.storage.close();
    await first.close();

    const second = await openStore(url, 'other-node');
    const again = await second.open('durable');
    expect(again.epoch).toBe(board.epoch);
    expect(shapesOf(again.doc)).toEqual({ a: '1', b: '2' });
    await again.storage.close();
    await second.close();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM easel_schema_migrations ORDER BY version');
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('commits the appends of one tick together, and each resolves only once committed', async () => {
    const url = await engine.createDatabase();
    const store = await openStore(url);
    const board = await store.open('group');
    const writer = new Y.Doc();
    const updates = Array.from({ length: 200 }, (_, index) => edit(writer, `k${index}`, `v${index}`));
    await Promise.all(updates.map((update) => board.storage.append(update)));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // xmin is the transaction that wrote a row: 200 rows in far fewer transactions.
    const { rows } = await client.query<{ rows: string; transactions: string }>(
      "SELECT count(*) AS rows, count(DISTINCT xmin::text) AS transactions FROM easel_board_updates WHERE board_id = 'group'",
    );
    await client.end();
    expect(Number(rows[0]!.rows)).toBe(200);
    expect(Number(rows[0]!.transactions)).toBeLessThan(20);
    await board.storage.close();
    await store.close();
  });

  it('compacts in one transaction without losing rows another relay appends meanwhile', async () => {
    const url = await engine.createDatabase();
    const [storeA, storeB] = await Promise.all([openStore(url, 'a'), openStore(url, 'b')]);
    const [boardA, boardB] = [await storeA.open('shared'), await storeB.open('shared')];
    const writerA = new Y.Doc();
    const writerB = new Y.Doc();
    const appends: Promise<void>[] = [];
    for (let round = 0; round < 20; round++) {
      appends.push(boardA.storage.append(edit(writerA, `a${round}`, 'x')));
      appends.push(boardB.storage.append(edit(writerB, `b${round}`, 'y')));
      // A compacts from its own doc, which never saw B's updates: B's rows must survive or be folded in.
      if (round % 5 === 4) {
        appends.push(boardA.storage.compact(() => Y.encodeStateAsUpdate(writerA)));
      }
    }
    await Promise.all(appends);
    await boardA.storage.compact(() => Y.encodeStateAsUpdate(writerA));
    await Promise.all([boardA.storage.close(), boardB.storage.close()]);

    const fresh = await openStore(url, 'c');
    const reopened = await fresh.open('shared');
    const expected = Object.fromEntries([
      ...Array.from({ length: 20 }, (_, round) => [`a${round}`, 'x']),
      ...Array.from({ length: 20 }, (_, round) => [`b${round}`, 'y']),
    ]);
    expect(shapesOf(reopened.doc)).toEqual(expected);
    // The last compaction folded every row into the snapshot.
    expect(reopened.storage.logBytes).toBe(0);
    await reopened.storage.close();
    await Promise.all([storeA.close(), storeB.close(), fresh.close()]);
  });

  it('refuses appends and opens with UNAVAILABLE while PostgreSQL is down, and works again once it is back', async () => {
    const url = await engine.createDatabase();
    const store = await openStore(url);
    const board = await store.open('outage');
    const writer = new Y.Doc();
    await board.storage.append(edit(writer, 'before', '1'));

    await engine.stop();
    try {
      const during = edit(writer, 'during', '2');
      await expect(board.storage.append(during)).rejects.toSatisfy(
        (error) => error instanceof RelayError && error.code === 'UNAVAILABLE',
      );
      // A failed storage stays failed: the room reloads the board from the store.
      await expect(board.storage.append(edit(writer, 'after', '3'))).rejects.toThrow(RelayError);
      await expect(store.open('another')).rejects.toSatisfy(
        (error) => error instanceof RelayError && error.code === 'UNAVAILABLE',
      );
      expect(await store.ping()).toBe(false);
    } finally {
      await engine.start();
    }
    await board.storage.close();
    expect(await store.ping()).toBe(true);
    const reopened = await store.open('outage');
    // Only what was committed: the refused update is not there.
    expect(shapesOf(reopened.doc)).toEqual({ before: '1' });
    await reopened.storage.append(Y.encodeStateAsUpdate(writer));
    await reopened.storage.close();
    const check = await store.open('outage');
    expect(shapesOf(check.doc)).toEqual({ before: '1', during: '2', after: '3' });
    await check.storage.close();
    await store.close();
  });
});
