/**
 * An `.easel` file opened from the home screen becomes a new board: its
 * shapes (ids and z-order as saved; the board is empty) and its name (or the
 * file's, without the extension), as one Yjs update the new board's view
 * merges before it joins (app/board-seeds.ts).
 */
import * as Y from 'yjs';
import { BOARD_FILE_EXTENSION, decodeBoardFile } from '../../shared/model';
import { boardNameSchema, writeBoardName } from '../../shared/model/board-meta';
import { MAX_UPDATE_BYTES } from '../../shared/protocol';
import { BoardDoc } from '../doc';

export type BoardFromFile = { ok: true; update: Uint8Array; name: string } | { ok: false; error: string };

export function boardFromFile(fileName: string, bytes: Uint8Array): BoardFromFile {
  const refuse = (reason: string): BoardFromFile => ({ ok: false, error: `Could not open “${fileName}”: ${reason}.` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('this is not an Easel board file (it is not UTF-8 text)');
  }
  const decoded = decodeBoardFile(text);
  if (!decoded.ok) return refuse(decoded.error);
  const { shapes } = decoded.file;
  if (shapes.length === 0) return refuse('the file has no valid shapes');
  const doc = new Y.Doc();
  const board = new BoardDoc(doc);
  try {
    board.create(shapes);
    const fromFile = boardNameSchema.safeParse(decoded.file.name);
    const fromFileName = boardNameSchema.safeParse(
      fileName.replace(new RegExp(`\\${BOARD_FILE_EXTENSION}$|\\.json$`, 'i'), ''),
    );
    const name = fromFile.success ? fromFile.data : fromFileName.success ? fromFileName.data : 'Opened board';
    writeBoardName(doc, name);
    const update = Y.encodeStateAsUpdate(doc);
    if (update.byteLength > MAX_UPDATE_BYTES) {
      return refuse('it is too big to reach the relay in one change');
    }
    return { ok: true, update, name };
  } finally {
    board.destroy();
    doc.destroy();
  }
}
