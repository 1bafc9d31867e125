/**
 * Bounds of a valid board (docs/ARCHITECTURE.md#board-model). They keep one bad or hostile value from
 * freezing every canvas that draws it: coordinates stay far inside float
 * precision, strokes and texts stay small enough to lay out every frame.
 */

/** A shape id: letters, digits, `_` and `-`, 1 to 64 characters (same alphabet as board ids). */
export const SHAPE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Longest fractional z-order key. Keys grow by about one character per six inserts at the same spot. */
export const MAX_INDEX_LENGTH = 128;

/** Deepest nesting of groups a shape may be in (the length of its `groupIds`). */
export const MAX_GROUP_DEPTH = 32;

/** Largest absolute coordinate or size, in board units. */
export const MAX_COORDINATE = 1e7;

/** Most points in one pen stroke (each point is x, y, pressure). */
export const MAX_PEN_POINTS = 10_000;

/** Most points in one line or arrow (each point is x, y). */
export const MAX_CONNECTOR_POINTS = 1_000;

/** Longest text of a text shape or a note (UTF-16 code units). */
export const MAX_TEXT_LENGTH = 20_000;

export const MIN_FONT_SIZE = 4;
export const MAX_FONT_SIZE = 512;

export const MIN_STROKE_WIDTH = 0.5;
export const MAX_STROKE_WIDTH = 64;

/** Longest board name carried in a `.easel` file. */
export const MAX_BOARD_NAME_LENGTH = 256;

/**
 * Largest `.easel` file we read or write (characters of JSON text, 400 MiB): room for a board at
 * the relay's default file quota (256 MiB of images, base64 in the file, a third larger) and its
 * shapes, below where JavaScript strings end (about 512 Mi characters). Save refuses a board past
 * it, so every file Easel writes opens again.
 */
export const MAX_BOARD_FILE_CHARS = 400 * 1024 * 1024;

/** Longest frame name (UTF-16 code units). */
export const MAX_FRAME_NAME_LENGTH = 200;
