import type * as Y from 'yjs';
import { SHAPES_MAP } from '../../shared/model/board-doc-layout';
import { SHA256_PATTERN } from '../../shared/model/shapes/image';

/**
 * The files a board's doc names: the `sha256` of every image shape. Read from
 * the raw JSON values, not through the shape schema, so a shape that fails
 * validation (a newer client's, a damaged one) still keeps its file.
 */
export function imageHashesOf(doc: Y.Doc): Set<string> {
  const hashes = new Set<string>();
  doc.getMap<unknown>(SHAPES_MAP).forEach((value) => {
    const hash = imageHashOf(value);
    if (hash !== undefined) hashes.add(hash);
  });
  return hashes;
}

/** Whether any image shape of the doc names `sha256`. */
export function namesImage(doc: Y.Doc, sha256: string): boolean {
  for (const value of doc.getMap<unknown>(SHAPES_MAP).values()) {
    if (imageHashOf(value) === sha256) return true;
  }
  return false;
}

function imageHashOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, sha256 } = value as { type?: unknown; sha256?: unknown };
  return type === 'image' && typeof sha256 === 'string' && SHA256_PATTERN.test(sha256) ? sha256 : undefined;
}
