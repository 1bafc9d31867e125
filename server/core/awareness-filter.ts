import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_AWARENESS_BYTES } from '../../shared/protocol';

/**
 * Awareness updates (y-protocols `awareness.js`) are
 *   varuint count, then count × (varuint clientID, varuint clock, varstring stateJSON)
 * where a state of `null` means "this client left". The relay lets a connection
 * set only the client ids it owns: the first time a connection names an id that
 * no other connection owns, it claims it (up to a per-connection limit); entries
 * for ids owned by someone else are dropped. Junk (bad framing, bad JSON, a state
 * that is not an object or null, bytes left over) is ignored as a whole.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  stateJson: string;
}

/** Parses an awareness update, or returns null for anything malformed. */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] | null {
  if (update.byteLength === 0 || update.byteLength > MAX_AWARENESS_BYTES) return null;
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 64) return null;
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(stateJson);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
      if (!Number.isSafeInteger(clientId) || !Number.isSafeInteger(clock)) return null;
      entries.push({ clientId, clock, stateJson });
    }
    if (decoding.hasContent(decoder)) return null;
    return entries;
  } catch {
    return null;
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Keeps the entries `owned` may set, claiming unowned ids into `owned` while it
 * has room. `isOwnedByOther` answers for ids other connections hold.
 */
export function filterOwnedEntries(
  entries: readonly AwarenessEntry[],
  owned: Set<number>,
  isOwnedByOther: (clientId: number) => boolean,
  maxOwned: number,
): AwarenessEntry[] {
  const accepted: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (owned.has(entry.clientId)) {
      accepted.push(entry);
    } else if (!isOwnedByOther(entry.clientId) && owned.size < maxOwned) {
      owned.add(entry.clientId);
      accepted.push(entry);
    }
  }
  return accepted;
}
