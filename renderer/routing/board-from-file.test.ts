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
  it('carries every shape as saved but images (their files must reach the relay first) and the file’s name', () => {
    const shapes = exampleShapes();
    const opened = boardFromFile('plan.easel', bytes(encodeBoardFile(shapes, { name: 'Sprint plan' })));
    if (!opened.ok) throw new Error(opened.message);
    const kept = shapes.filter((shape) => shape.type !== 'image');
    expect(opened).toMatchObject({ name: 'Sprint plan', shapeCount: kept.length, skipped: 0, imagesLeftOut: 1 });
    const { doc, board } = boardOf(opened.update);
    expect(board.all().map((shape) => shape.id)).toEqual(kept.map((shape) => shape.id));
    expect(readBoardName(doc)).toBe('Sprint plan');
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
