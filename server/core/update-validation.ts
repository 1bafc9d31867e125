import * as Y from 'yjs';
import { MAX_UPDATE_BYTES, RelayError } from '../../shared/protocol';

/**
 * Checks that a client's bytes are a well-formed Yjs update before they touch a
 * room's doc. `Y.applyUpdate` can throw half-way through and a transaction has
 * no rollback, so a bad update must be caught here, not there.
 *
 * `Y.decodeUpdate` reads every struct and the delete set without integrating
 * anything; a truncated or mangled update runs off the end of the buffer or hits
 * an unknown content type and throws. What still decodes is, to Yjs, a valid
 * update; the room guards the rare one that decodes but fails to integrate.
 */
export function validateUpdate(update: Uint8Array, maxBytes = MAX_UPDATE_BYTES): void {
  if (update.byteLength === 0) throw new RelayError('INVALID_UPDATE', 'update is empty');
  if (update.byteLength > maxBytes) {
    throw new RelayError('TOO_LARGE', `update is ${update.byteLength} bytes; the limit is ${maxBytes}`);
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new RelayError('INVALID_UPDATE', `update does not decode: ${describe(error)}`);
  }
  if (!decoded.structs.every((struct) => struct.length > 0 && Number.isSafeInteger(struct.id.clock))) {
    throw new RelayError('INVALID_UPDATE', 'update holds an empty or out-of-range struct');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
