import { BOARD_ROOT_MAPS } from '../../shared/model/board-doc-layout';
import { MAX_UPDATE_BYTES, RelayError } from '../../shared/protocol';
import { missingDependency } from './update-dependencies';
import { readUpdateStructure, StructureError, type StructureLimits } from './update-structure';

export interface UpdateLimits extends StructureLimits {
  /** Largest update in bytes. */
  maxBytes: number;
}

/**
 * How much work one update may cause. An update of 8 MiB may hold ~100,000
 * shapes; these bounds are far above anything a person makes in one change or
 * a client sends when it resyncs, and far below what hurts the relay (every
 * struct becomes an object of ~150 bytes, every JSON value ~16-64 bytes).
 */
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxBytes: MAX_UPDATE_BYTES,
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  maxValues: 1_000_000,
  maxValueDepth: 32,
};

const BOARD_ROOTS: ReadonlySet<string> = new Set(BOARD_ROOT_MAPS);

export interface CheckedUpdate {
  /** Structs in the update: roughly the objects applying it creates. */
  structs: number;
  /** The update only deletes (no structs): it can only make a board smaller. */
  deletesOnly: boolean;
}

/**
 * Checks a client's update before it touches a room's doc, throwing
 * `RelayError` with INVALID_UPDATE (not an update, or content a board never
 * uses, or changes it depends on are missing) or TOO_LARGE. `Y.applyUpdate`
 * can throw half-way and a transaction has no rollback, and what Yjs accepts
 * is far more than a board needs, so nothing is left to Yjs to find out:
 *
 *   - the bytes decode as exactly one update (the structure is read without
 *     building anything, see update-structure.ts);
 *   - it writes only the board's root maps (shared/model/board-doc-layout.ts),
 *     as keyed JSON values or deleted content: no subdocuments, nested types,
 *     text or binary content;
 *   - it stays within `limits` (bytes, structs, deleted ranges, values);
 *   - everything it builds on is in the doc or in the update itself, so Yjs
 *     integrates all of it and keeps nothing pending.
 *
 * `stateOf(client)` is the doc's next clock for that client (`Y.getState`).
 */
export function validateUpdate(
  update: Uint8Array,
  stateOf: (client: number) => number,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): CheckedUpdate {
  if (update.byteLength === 0) throw new RelayError('INVALID_UPDATE', 'update is empty');
  if (update.byteLength > limits.maxBytes) {
    throw new RelayError('TOO_LARGE', `update is ${update.byteLength} bytes; the limit is ${limits.maxBytes}`);
  }
  let structure;
  try {
    structure = readUpdateStructure(update, { kind: 'board', roots: BOARD_ROOTS, limits });
  } catch (error) {
    if (error instanceof StructureError) {
      throw new RelayError(error.tooLarge ? 'TOO_LARGE' : 'INVALID_UPDATE', error.message);
    }
    throw error;
  }
  const missing = missingDependency(structure, stateOf);
  if (missing) throw new RelayError('INVALID_UPDATE', `update refused: ${missing}; rejoin the board to resync`);
  return { structs: structure.structCount, deletesOnly: structure.structCount === 0 };
}
