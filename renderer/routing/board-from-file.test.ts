import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeBoardFile } from '../../shared/model';
import { readBoardName } from '../../shared/model/board-meta';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { BoardDoc } from '../doc';
import { boardFromFile, OPENED_BOARD_NAME } from './board-from-file';

const bytes = (text: string) => new TextEncoder().encode(text);

function boardOf(update: Uint8Array): { doc: Y.Doc; board: BoardDoc } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { doc, board: new BoardDoc(doc) };
}

describe('a board file opened as a new board', () => {
  it('carries every shape as saved and the file’s name, its images apart with their files (for the image queue)', () => {
    const shapes = exampleShapes();
    const image = shapes.find((shape) => shape.type === 'image')!;
    const file = { sha256: image.sha256, mime: image.mime, bytes: Uint8Array.of(1, 2, 3) };
    const unused = { sha256: 'f'.repeat(64), mime: 'image/png' as const, bytes: Uint8Array.of(4) };
    const text = encodeBoardFile(shapes, { name: 'Sprint plan' }, [file, unused]);
    const opened = boardFromFile('plan.easel', bytes(text));
    if (!opened.ok) throw new Error(opened.message);
    const kept = shapes.filter((shape) => shape.type !== 'image');
    expect(opened).toMatchObject({ name: 'Sprint plan', shapeCount: kept.length, skipped: 0 });
    const { doc, board } = boardOf(opened.update);
    expect(board.all().map((shape) => shape.id)).toEqual(kept.map((shape) => shape.id));
    expect(readBoardName(doc)).toBe('Sprint plan');
    // The image keeps its id and place; its file comes along, a file no shape names does not.
    const { index: _index, ...draft } = image;
    expect(opened.images.shapes).toEqual([draft]);
    expect(opened.images.files).toEqual([file]);

    const onlyImages = boardFromFile('photos.easel', bytes(encodeBoardFile([image], {}, [file])));
    expect(onlyImages.ok && [onlyImages.shapeCount, onlyImages.images.shapes.length]).toEqual([0, 1]);
  });

  it('is named after the file when the file has no name, and counts the shapes it left out', () => {
    const [first] = exampleShapes();
    const text = JSON.stringify({ ...JSON.parse(encodeBoardFile([first!])), shapes: [first, { type: 'blob' }] });
    const opened = boardFromFile('Retro notes.easel', bytes(text));
    if (!opened.ok) throw new Error(opened.message);
    expect(opened).toMatchObject({ name: 'Retro notes', shapeCount: 1, skipped: 1 });
    const unnamed = boardFromFile('.easel', bytes(encodeBoardFile([first!])));
    expect(unnamed.ok && unnamed.name).toBe(OPENED_BOARD_NAME);
  });

  it('refuses what it cannot use with a sentence naming the file', () => {
    const notText = boardFromFile('photo.easel', Uint8Array.of(0xff, 0xfe, 0x00, 0xd8));
    expect(notText).toEqual({ ok: false, message: expect.stringMatching(/^Could not open “photo.easel”: .*UTF-8/) });
    const empty = boardFromFile('empty.easel', bytes(encodeBoardFile([])));
    expect(empty).toEqual({ ok: false, message: 'Could not open “empty.easel”: the file has no valid shapes.' });
    expect(boardFromFile('x.easel', bytes('{"format":"other"}')).ok).toBe(false);
  });
});
