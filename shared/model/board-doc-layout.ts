/**
 * The root types of a board's Y.Doc: every participant (the renderer, the
 * relay's catalog, imports) reads and writes a board through these names, and
 * the relay refuses updates that touch any other root.
 *
 * - `shapes`: a Y.Map from shape id to the whole shape as a plain JSON value.
 * - `meta`: a Y.Map of the board's own properties (its name; see board-meta.ts).
 *
 * Both are maps of plain JSON values: a board holds no nested Yjs types, no
 * text types and no subdocuments.
 */
import { BOARD_META_MAP } from './board-meta';

export const SHAPES_MAP = 'shapes';

/** Every root type a board uses; all are Y.Maps. */
export const BOARD_ROOT_MAPS: readonly string[] = Object.freeze([SHAPES_MAP, BOARD_META_MAP]);
