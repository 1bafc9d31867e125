import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../doc';
import type { Notice } from '../state/notices';
import { createUiStore } from '../state/ui-store';
import { BoardImages, type ImageInput, type Prepared } from './board-images';
import { memoryImageFileStore } from './image-files';
import type { RelayFiles, UploadResult } from './relay-files';

const png = (tag: number): ImageInput => ({ name: `photo-${tag}.png`, bytes: new Uint8Array([0x89, tag]) });

/** A relay's file store as the queue sees it: answers set by the test, every call logged with what the doc held then. */
function relayStandIn(board: BoardDoc) {
  const log: string[] = [];
  let answer: (sha256: string) => UploadResult = () => ({ kind: 'stored' });
  const relay: RelayFiles = {
    async upload(_boardId, sha256) {
      log.push(`upload ${sha256.slice(0, 1)} (shapes on the board: ${board.all().length})`);
      return answer(sha256);
    },
    download: async () => null,
  };
  return { relay, log, answer: (next: typeof answer) => (answer = next) };
}

function setUp() {
  const board = new BoardDoc(new Y.Doc());
  const ui = createUiStore({ viewport: { x: 0, y: 0, zoom: 1 } });
  const notices: (Notice | 'dismissed')[] = [];
  const store = memoryImageFileStore();
  const relay = relayStandIn(board);
  const prepare = async (input: ImageInput): Promise<Prepared> =>
    input.bytes[0] === 0x89
      ? {
          name: input.name,
          bytes: input.bytes,
          mime: 'image/png',
          sha256: String(input.bytes[1]).repeat(64).slice(0, 64),
          naturalWidth: 200,
          naturalHeight: 100,
        }
      : { name: input.name, refused: 'it is not a PNG, JPEG, GIF, WebP or SVG image' };
  const images = new BoardImages({
    boardId: 'board-1',
    board,
    ui,
    viewportSize: () => ({ width: 1000, height: 800 }),
    notify: (notice) => notices.push(notice),
    dismissNotice: () => notices.push('dismissed'),
    store,
    relay: relay.relay,
    prepare,
  });
  return { board, ui, notices, store, relay, images };
}

describe('board images', () => {
  it('uploads every file before writing the shapes, then writes them in one change at the drop point', async () => {
    const { board, relay, images, store } = setUp();
    let changes = 0;
    board.doc.on('update', () => changes++);
    await images.insert([png(1), png(2)], { x: 500, y: 400 });
    expect(relay.log).toEqual(['upload 1 (shapes on the board: 0)', 'upload 2 (shapes on the board: 0)']);
    const shapes = board.all();
    expect(shapes.map((shape) => shape.type)).toEqual(['image', 'image']);
    expect(changes).toBe(1);
    expect(shapes.map((shape) => [shape.x, shape.y])).toEqual([
      [500 - 208, 350],
      [500 + 8, 350],
    ]);
    expect(await store.pending('board-1')).toEqual([]);
  });

  it('refuses a file the relay refuses with a notice, and writes nothing for it', async () => {
    const { board, relay, images, notices } = setUp();
    relay.answer((sha) =>
      sha.startsWith('2') ? { kind: 'refused', status: 413, message: 'too large' } : { kind: 'stored' },
    );
    await images.insert([png(1), png(2)]);
    expect(board.all()).toHaveLength(1);
    expect(notices).toEqual([
      { kind: 'error', message: 'Could not add “photo-2.png”: too large. Nothing was added for it.' },
    ]);
  });

  it('refuses a file that is not an image before anything is stored or sent', async () => {
    const { board, relay, images, notices, store } = setUp();
    await images.insert([{ name: 'notes.txt', bytes: new Uint8Array([1, 2]) }]);
    expect(relay.log).toEqual([]);
    expect(board.all()).toEqual([]);
    expect(await store.pending('board-1')).toEqual([]);
    expect(notices[0]).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('“notes.txt”: it is not a PNG'),
    });
  });

  it('keeps images added while the relay is out of reach, in order, and writes them after their upload when it is back', async () => {
    const { board, relay, images, notices, store } = setUp();
    relay.answer(() => ({ kind: 'unreachable' }));
    await images.insert([png(1)]);
    await images.insert([png(2)]);
    expect(board.all()).toEqual([]);
    expect((await store.pending('board-1')).map((item) => item.shape.sha256[0])).toEqual(['1', '2']);
    expect(notices.at(-1)).toMatchObject({
      kind: 'warning',
      message: expect.stringMatching(/^2 images wait for the relay/),
    });
    relay.log.length = 0;
    relay.answer(() => ({ kind: 'stored' }));
    await images.flush();
    expect(relay.log).toEqual(['upload 1 (shapes on the board: 0)', 'upload 2 (shapes on the board: 0)']);
    expect(board.all()).toHaveLength(2);
    expect(notices.at(-1)).toBe('dismissed');
  });

  it('adds nothing for a viewer', async () => {
    const { board, relay, images, notices } = setUp();
    board.setWritable(false);
    await images.insert([png(1)]);
    expect(relay.log).toEqual([]);
    expect(notices).toEqual([{ kind: 'error', message: 'You may only view this board: images cannot be added.' }]);
  });
});
