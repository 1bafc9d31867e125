import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/protocol';
import { FileBoardStore } from './file-store';
import { encodeLogHeader, encodeRecord, encodeSnapshot } from './record-codec';
import {
  ShapeEditor,
  boardDir,
  collectingLogger,
  fingerprintDir,
  makeTempDir,
  removeTempDir,
  shapesOf,
} from './test-support';

const BOARD = 'board';
const LOG_0 = 'log-0000000000.bin';
const LOG_1 = 'log-0000000001.bin';

let dataDir: string;
let dir: string;
let store: FileBoardStore;
let events: ReturnType<typeof collectingLogger>['events'];
/** The shapes of the three updates `writeBoard` stores, in order. */
let editor: ShapeEditor;

beforeEach(async () => {
  dataDir = await makeTempDir();
  dir = boardDir(dataDir, BOARD);
  const logging = collectingLogger();
  events = logging.events;
  store = await FileBoardStore.create(dataDir, { logger: logging.logger });
  editor = new ShapeEditor();
});

afterEach(async () => {
  await store.close();
  await removeTempDir(dataDir);
});

/** A closed board holding shapes a, b, c as three records in log 0; returns the record sizes. */
async function writeBoard(): Promise<number[]> {
  const board = await store.open(BOARD);
  const updates = [editor.setShape('a', 1), editor.setShape('b', 2), editor.setShape('c', 3)];
  for (const update of updates) await board.storage.append(update);
  await board.storage.close();
  return updates.map((update) => encodeRecord(update).length);
}

const filePath = (name: string): string => path.join(dir, name);
const readFile = (name: string): Promise<Buffer> => fs.readFile(filePath(name));
const appendBytes = (name: string, bytes: Uint8Array): Promise<void> => fs.appendFile(filePath(name), bytes);

async function flipByte(name: string, offsetFromEnd: number): Promise<void> {
  const bytes = await readFile(name);
  const offset = bytes.length - offsetFromEnd;
  bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  await fs.writeFile(filePath(name), bytes);
}

describe('torn tails are cut once the board has loaded', () => {
  const tornTails: [string, (sizes: number[]) => Promise<number>][] = [
    [
      'a partial length field',
      async () => {
        await appendBytes(LOG_0, Buffer.from([7, 0, 0]));
        return 3;
      },
    ],
    [
      'a record header without its payload',
      async () => {
        await appendBytes(LOG_0, encodeRecord(editor.setShape('torn')).subarray(0, 8));
        return 8;
      },
    ],
    [
      'a partial payload',
      async () => {
        const record = encodeRecord(editor.setShape('torn'));
        await appendBytes(LOG_0, record.subarray(0, record.length - 4));
        return record.length - 4;
      },
    ],
    [
      'a last record failing its checksum',
      async (sizes) => {
        await flipByte(LOG_0, 2);
        return sizes[2] ?? 0;
      },
    ],
  ];

  it.each(tornTails)('%s', async (_name, tear) => {
    const sizes = await writeBoard();
    const sizeBefore = (await readFile(LOG_0)).length;
    const bytesCut = await tear(sizes);
    const tornSize = (await readFile(LOG_0)).length;
    const expectedShapes = ['a', 'b', 'c'].slice(0, tornSize > sizeBefore ? 3 : 2);

    const board = await store.open(BOARD);
    expect(Object.keys(shapesOf(board.doc)).sort()).toEqual(expectedShapes);
    expect((await readFile(LOG_0)).length).toBe(tornSize - bytesCut);
    expect(events.find((e) => e.event === 'torn-tail-cut')?.details).toMatchObject({ file: LOG_0, bytesCut });

    // The log is whole again: new records land after the last good one.
    await board.storage.append(new ShapeEditor().setShape('after-repair'));
    await board.storage.close();
    const reopened = await store.open(BOARD);
    expect(Object.keys(shapesOf(reopened.doc)).sort()).toEqual([...expectedShapes, 'after-repair'].sort());
    await reopened.storage.close();
  });
});

describe('a corrupt board is refused and left exactly as it was', () => {
  const corruptions: [string, () => Promise<void>][] = [
    ['meta.json is not JSON', () => fs.writeFile(filePath('meta.json'), '{"format":1,"ep')],
    ['meta.json has another format', () => fs.writeFile(filePath('meta.json'), '{"format":2,"epoch":"e"}')],
    ['meta.json has an empty epoch', () => fs.writeFile(filePath('meta.json'), '{"format":1,"epoch":""}')],
    ['meta.json is missing', () => fs.rm(filePath('meta.json'))],
    ['snapshot.bin is garbage', () => fs.writeFile(filePath('snapshot.bin'), 'definitely not a snapshot')],
    [
      'snapshot.bin fails its checksum',
      async () => {
        await fs.writeFile(filePath('snapshot.bin'), encodeSnapshot(0, editor.setShape('snap')));
        await flipByte('snapshot.bin', 1);
      },
    ],
    [
      'snapshot.bin is truncated',
      async () => {
        const snapshot = encodeSnapshot(0, editor.setShape('snap'));
        await fs.writeFile(filePath('snapshot.bin'), snapshot.subarray(0, snapshot.length - 1));
      },
    ],
    [
      'a record mid-log fails its checksum',
      async () => {
        const bytes = await readFile(LOG_0);
        bytes[16 + 8] = (bytes[16 + 8] ?? 0) ^ 0xff; // first byte of the first payload
        await fs.writeFile(filePath(LOG_0), bytes);
      },
    ],
    [
      'a log has a bad magic number',
      async () => {
        const bytes = await readFile(LOG_0);
        bytes.write('EASELBAD', 0, 'latin1');
        await fs.writeFile(filePath(LOG_0), bytes);
      },
    ],
    [
      "a log's header names another generation",
      async () => {
        const bytes = await readFile(LOG_0);
        bytes.writeUInt32LE(9, 12);
        await fs.writeFile(filePath(LOG_0), bytes);
      },
    ],
    ['a log is shorter than its header', () => fs.writeFile(filePath(LOG_0), Buffer.from('EASEL', 'latin1'))],
    [
      'a log that is not the last one has a torn tail',
      async () => {
        await appendBytes(LOG_0, Buffer.from([200, 0, 0, 0, 1, 2]));
        await fs.writeFile(filePath(LOG_1), encodeLogHeader(1));
      },
    ],
    ['a log generation is missing', () => fs.writeFile(filePath('log-0000000002.bin'), encodeLogHeader(2))],
    [
      'a record passes its checksum but is not a Yjs update',
      () => appendBytes(LOG_0, encodeRecord(Buffer.from('not a yjs update'))),
    ],
    [
      'the snapshot payload is not a Yjs update',
      () => fs.writeFile(filePath('snapshot.bin'), encodeSnapshot(0, Buffer.from('not a yjs update'))),
    ],
  ];

  it.each(corruptions)('%s', async (_name, corrupt) => {
    await writeBoard();
    await corrupt();
    const before = await fingerprintDir(dir);

    const failure = await store.open(BOARD).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RelayError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`board ${BOARD}`) });
    expect(await fingerprintDir(dir)).toEqual(before);
    expect(events.find((e) => e.event === 'board-unavailable')?.details).toMatchObject({ boardId: BOARD });

    // Still refused (and not "already open") on a second attempt.
    await expect(store.open(BOARD)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await fingerprintDir(dir)).toEqual(before);
  });

  it('names the file and the problem in the error', async () => {
    await writeBoard();
    await appendBytes(LOG_0, Buffer.from([200, 0, 0, 0, 1, 2]));
    await fs.writeFile(filePath(LOG_1), encodeLogHeader(1));
    await expect(store.open(BOARD)).rejects.toThrow(/log-0000000000\.bin .*not the last log/);
  });
});
