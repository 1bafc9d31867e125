/**
 * A `.easel` file handed to the app (double-click, a second instance) as the
 * first content of a new board: its shapes, as saved (ids, order, places),
 * encoded as one Yjs update for board-seeds.ts. A file it cannot use is a
 * sentence saying why, as File → Open says it.
 */
import * as Y from 'yjs';
import { decodeBoardFile } from '../../../shared/model/board-file';
import { MAX_UPDATE_BYTES } from '../../../shared/protocol';
import { BoardDoc } from '../../doc';

export type BoardFromFile =
  { ok: true; update: Uint8Array; shapeCount: number; skipped: number } | { ok: false; message: string };

export function boardFromFile(name: string, bytes: Uint8Array): BoardFromFile {
  const refuse = (reason: string): BoardFromFile => ({ ok: false, message: `Could not open “${name}”: ${reason}.` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('this is not an Easel board file (it is not UTF-8 text)');
  }
  const decoded = decodeBoardFile(text);
  if (!decoded.ok) return refuse(decoded.error);
  if (decoded.file.shapes.length === 0) return refuse('the file has no valid shapes');
  const board = new BoardDoc(new Y.Doc());
  try {
    board.create(decoded.file.shapes);
    const update = Y.encodeStateAsUpdate(board.doc);
    if (update.byteLength > MAX_UPDATE_BYTES) {
      return refuse('it is larger than a relay accepts in one change');
    }
    return { ok: true, update, shapeCount: decoded.file.shapes.length, skipped: decoded.skipped.length };
  } finally {
    board.destroy();
    board.doc.destroy();
  }
}
