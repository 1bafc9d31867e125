/** A board id: letters, digits, `_` and `-`, 1 to 64 characters (safe as a folder name). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Largest Yjs update the relay accepts in one `board:update` (bytes). */
export const MAX_UPDATE_BYTES = 8 * 1024 * 1024;

/** Largest awareness update the relay accepts in one `awareness:update` (bytes). */
export const MAX_AWARENESS_BYTES = 32 * 1024;

/** How many awareness client ids one connection may own on one board. */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/** Longest display name carried in the handshake or awareness. */
export const MAX_NAME_LENGTH = 64;

/** Longest access token accepted in the handshake. */
export const MAX_TOKEN_LENGTH = 512;
