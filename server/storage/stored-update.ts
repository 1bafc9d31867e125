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
  // Each subdocument's content (guid and options) becomes one byte: the deleted length 1.
  const removedBytes = subdocuments.reduce((sum, doc) => sum + doc.contentEnd - doc.contentStart - 1, 0);
  const source = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const rewritten = Buffer.alloc(update.byteLength - removedBytes);
  let from = 0;
  let to = 0;
  for (const { info, contentStart, contentEnd } of subdocuments) {
    to += source.copy(rewritten, to, from, info);
    // Same origin, parent and key bits; the content kind becomes "deleted".
    rewritten[to++] = ((source[info] ?? 0) & ~0x1f) | CONTENT.deleted;
    to += source.copy(rewritten, to, info + 1, contentStart);
    rewritten[to++] = 1;
    from = contentEnd;
  }
  source.copy(rewritten, to, from);
  return {
    update: new Uint8Array(rewritten.buffer, rewritten.byteOffset, rewritten.byteLength),
    removed: subdocuments.length,
  };
}
