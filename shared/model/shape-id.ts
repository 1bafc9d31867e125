/** The 64 url-safe characters; 256 is a multiple of 64, so `byte & 63` picks each with equal odds. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const SHAPE_ID_LENGTH = 16;

/**
 * A fresh random shape id: 16 url-safe characters, 96 bits, so peers that
 * draw offline at the same time never pick the same id.
 */
export function newShapeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SHAPE_ID_LENGTH));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}
