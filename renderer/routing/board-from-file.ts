/**
 * An `.easel` file opened as a new board (from Home, or handed to the desktop
 * app by the OS): its shapes as saved (ids, order, places) and its name (the
 * file's own, else the file name without the extension), as one Yjs update
 * the new board's view merges before it joins (board-seeds.ts). A file it
 * cannot use is a sentence saying why, as File → Open says it.
 *
 * Image shapes are not in the update (`images` instead): a shape may reach the relay only after
 * its file has, and the update goes out on the first join, so they are seeded apart
 * (board-seeds.ts) with the files the `.easel` file embeds, for the board's image queue.
 */
import * as Y from 'yjs';
import { BOARD_FILE_EXTENSION, decodeBoardFile } from '../../shared/model';
import type { SeedImages } from './board-seeds';
import { boardNameSchema, writeBoardName } from '../../shared/model/board-meta';
import { MAX_UPDATE_BYTES } from '../../shared/protocol';
import { BoardDoc } from '../doc';

export type BoardFromFile =
  | { ok: true; update: Uint8Array; name: string; shapeCount: number; skipped: number; images: SeedImages }
  | { ok: false; message: string };

/** What a board opened from a file is called when neither the file nor its name gives a usable one. */
export const OPENED_BOARD_NAME = 'Opened board';

export function boardFromFile(fileName: string, bytes: Uint8Array): BoardFromFile {
  const refuse = (reason: string): BoardFromFile => ({
    ok: false,
    message: `Could not open “${fileName}”: ${reason}.`,
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('this is not an Easel board file (it is not UTF-8 text)');
  }
  const decoded = decodeBoardFile(text);
  if (!decoded.ok) return refuse(decoded.error);
  const shapes = decoded.file.shapes.filter((shape) => shape.type !== 'image');
  const imageShapes = decoded.file.shapes.flatMap((shape) => {
    if (shape.type !== 'image') return [];
    const { index: _index, ...draft } = shape;
    return [draft];
  });
  if (decoded.file.shapes.length === 0) return refuse('the file has no valid shapes');
  const used = new Set(imageShapes.map((shape) => shape.sha256));
  const images: SeedImages = {
    shapes: imageShapes,
    files: (decoded.file.files ?? []).filter((file) => used.has(file.sha256)),
  };
  const doc = new Y.Doc();
  const board = new BoardDoc(doc);
  try {
    board.create(shapes);
    const name = nameFor(decoded.file.name, fileName);
    writeBoardName(doc, name);
    const update = Y.encodeStateAsUpdate(doc);
    if (update.byteLength > MAX_UPDATE_BYTES) return refuse('it is larger than a relay accepts in one change');
    return { ok: true, update, name, shapeCount: shapes.length, skipped: decoded.skipped.length, images };
  } finally {
    board.destroy();
    doc.destroy();
  }
}

function nameFor(savedName: string | undefined, fileName: string): string {
  const fromFile = boardNameSchema.safeParse(savedName);
  if (fromFile.success) return fromFile.data;
  const withoutExtension = fileName.replace(new RegExp(`\\${BOARD_FILE_EXTENSION}$|\\.json$`, 'i'), '');
  const fromFileName = boardNameSchema.safeParse(withoutExtension);
  return fromFileName.success ? fromFileName.data : OPENED_BOARD_NAME;
}
