/**
 * Where a board lives in its Y.Doc (docs/ARCHITECTURE.md#board-model), and who wrote a change.
 *
 * - `shapes`: a Y.Map from shape id to the whole shape as a plain JSON value.
 *   A write replaces the value, so the doc keeps one struct per write: write
 *   once per gesture, never per frame.
 * - Every local write is a transaction with origin LOCAL_ORIGIN. The undo
 *   manager tracks only that origin, so undo reverts our own edits and never
 *   what arrived from the relay (applied with the sync provider as origin) or
 *   from local storage.
 */
import type * as Y from 'yjs';
import { SHAPES_MAP } from '../../shared/model/board-doc-layout';

export { SHAPES_MAP };

export const LOCAL_ORIGIN: object = Object.freeze({ origin: 'easel:local-edit' });

/** Values are untrusted until parsed: a peer or an older client may have written anything. */
export function shapesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SHAPES_MAP);
}
