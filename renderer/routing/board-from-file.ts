/**
 * An `.easel` file opened as a new board (from Home, or handed to the desktop
 * app by the OS): its shapes as saved (ids, order, places) and its name (the
 * file's own, else the file name without the extension), as one Yjs update
 * the new board's view merges before it joins (board-seeds.ts). A file it
 * cannot use is a sentence saying why, as File → Open says it.
 *
 * Image shapes are left out (`imagesLeftOut`): a shape may reach the relay only after its file
 * has (renderer/images/board-images.ts), and a seed goes out on the first join. File › Open board
 * file, on the board, adds them with their files.
 */
import * as Y from 'yjs';
import { BOARD_FILE_EXTENSION, decodeBoardFile } from '../../shared/model';
import { boardNameSchema, writeBoardName } from '../../shared/model/board-meta';
import { MAX_UPDATE_BYTES } from '../../shared/protocol';
import { BoardDoc } from '../doc';

export type BoardFromFile =
  | { ok: true; update: Uint8Array; name: string; shapeCount: number; skipped: number; imagesLeftOut: number }
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
  const imagesLeftOut = decoded.file.shapes.length - shapes.length;
  if (shapes.length === 0) {
    return refuse(
      imagesLeftOut > 0
        ? 'it holds only images: open it on a board with File › Open board file'
        : 'the file has no valid shapes',
    );
  }
  const doc = new Y.Doc();
  const board = new BoardDoc(doc);
  try {
    board.create(shapes);
    const name = nameFor(decoded.file.name, fileName);
    writeBoardName(doc, name);
    const update = Y.encodeStateAsUpdate(doc);
    if (update.byteLength > MAX_UPDATE_BYTES) return refuse('it is larger than a relay accepts in one change');
    return { ok: true, update, name, shapeCount: shapes.length, skipped: decoded.skipped.length, imagesLeftOut };
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
