import { z } from 'zod';

/**
 * Socket.IO hands binary attachments over as a Buffer in Node and as an
 * ArrayBuffer in the browser; both sides of the wire accept either and work
 * with a plain Uint8Array.
 */
export const binarySchema = z
  .custom<Uint8Array | ArrayBuffer>(
    (value) => value instanceof Uint8Array || value instanceof ArrayBuffer,
    'expected binary data (Uint8Array)',
  )
  .transform((value): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array(value)));
