/** 64 URL-safe characters, all allowed by BOARD_ID_PATTERN; 6 bits each, so no modulo bias. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 16 characters = 96 random bits: a board link is hard to guess. */
export const NEW_BOARD_ID_LENGTH = 16;

export type RandomBytes = (count: number) => Uint8Array;

const cryptoBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/** A fresh random board id for "New board". */
export function newBoardId(randomBytes: RandomBytes = cryptoBytes): string {
  let id = '';
  for (const byte of randomBytes(NEW_BOARD_ID_LENGTH)) id += ALPHABET[byte & 63];
  return id;
}
