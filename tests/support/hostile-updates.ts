import * as encoding from 'lib0/encoding';

/**
 * Yjs updates a hostile guest would send, written byte by byte (format v1, see
 * server/core/update-structure.ts): making them with a Y.Doc would cost the
 * test what they cost the relay.
 */

/**
 * `count` subdocuments under keys of the board's `shapes` map, from one
 * client: ~12 bytes each, one Y.Doc each once Yjs decodes them.
 */
export function subdocumentBomb(count: number, client = 424242): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0); // first clock
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(encoder, 9 | 0x20); // ContentDoc, with a map key
    encoding.writeVarUint(encoder, 1); // parent is a root type…
    encoding.writeVarString(encoder, 'shapes'); // …named shapes
    encoding.writeVarString(encoder, i.toString(36)); // key
    encoding.writeVarString(encoder, i.toString(36)); // subdocument guid
    encoding.writeAny(encoder, {}); // its options
  }
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}
