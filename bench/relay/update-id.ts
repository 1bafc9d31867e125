import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Names a Yjs update cheaply, without decoding it whole: a v1 update starts with
 * varuint numClients, then for the first client varuint numStructs, varuint
 * clientID and varuint clock (of that client's first struct). Every benchmark
 * edit inserts exactly one struct, so `clientID:clock` names it uniquely.
 *
 * The pair is packed into one double, `clientID * 2^21 + clock`, so the hot
 * receive path stores a number, not a string: clientID is a uint32 and the
 * clock stays below 2^21 (2 M edits per client), so the key is a safe integer.
 */
export const MAX_CLOCK = 2 ** 21;

export function updateKey(update: Uint8Array): number {
  const decoder = decoding.createDecoder(update);
  const numClients = decoding.readVarUint(decoder);
  if (numClients === 0) return NaN;
  decoding.readVarUint(decoder); // numStructs of the first client
  const clientId = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return clock < MAX_CLOCK ? clientId * MAX_CLOCK + clock : NaN;
}

/** `clientID:clock` of a packed key, for messages. */
export function describeKey(key: number): string {
  return `${Math.floor(key / MAX_CLOCK)}:${key % MAX_CLOCK}`;
}

/**
 * Every edit a received update carries. The relay merges the updates of one
 * event-loop turn into one message, so a receipt can hold many edits: each
 * client's structs in it span the clocks [from, to).
 */
export function updateKeys(update: Uint8Array): number[] {
  const { from, to } = Y.parseUpdateMeta(update);
  const keys: number[] = [];
  for (const [clientId, end] of to) {
    for (let clock = from.get(clientId) ?? end; clock < end && clock < MAX_CLOCK; clock++) {
      keys.push(clientId * MAX_CLOCK + clock);
    }
  }
  return keys;
}
