import { CONTENT, readUpdateStructure } from '../core/update-structure';

/** Nesting of JSON values past which a stored record is not replayed (Yjs decodes values recursively). */
const MAX_STORED_VALUE_DEPTH = 256;

/**
 * A stored record as it may be replayed: its subdocuments replaced by deleted
 * content of the same length, so every clock and every change that builds on
 * them stays as it was. Boards hold no subdocuments; a record with some was
 * sent by a hostile or broken client before the relay refused them, and
 * decoding them builds one Y.Doc each (gigabytes for a few megabytes). Throws
 * StructureError when the bytes are not an update.
 */
export function withoutSubdocuments(update: Uint8Array): { update: Uint8Array; removed: number } {
  const { subdocuments } = readUpdateStructure(update, { kind: 'stored', maxValueDepth: MAX_STORED_VALUE_DEPTH });
  if (subdocuments.length === 0) return { update, removed: 0 };
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const { info, contentStart, contentEnd } of subdocuments) {
    parts.push(update.subarray(from, info));
    // Same origin, parent and key bits; the content kind becomes "deleted", of length 1 (a varUint).
    parts.push(Uint8Array.of(((update[info] ?? 0) & ~0x1f) | CONTENT.deleted));
    parts.push(update.subarray(info + 1, contentStart), Uint8Array.of(1));
    from = contentEnd;
  }
  parts.push(update.subarray(from));
  const rewritten = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    rewritten.set(part, offset);
    offset += part.length;
  }
  return { update: rewritten, removed: subdocuments.length };
}
