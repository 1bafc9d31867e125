/**
 * Content handed from one page to a new board within it: "keep my copy as a
 * new board" when the relay's board was replaced (docs/ARCHITECTURE.md#epochs),
 * or a `.easel` file opened as a new board. The new board's view takes the
 * seed once and merges it into its doc before it joins, so the content reaches
 * the relay as the new board's first change. A file's images are seeded apart:
 * they go through the board's image queue, which writes each shape only once
 * the relay has its file (renderer/images/board-images.ts).
 */
import type { EmbeddedFile } from '../../shared/model/board-file-images';
import type { DraftOf } from '../shapes';

export interface SeedImages {
  shapes: readonly DraftOf<'image'>[];
  files: readonly EmbeddedFile[];
}

const seeds = new Map<string, Uint8Array>();
const seededImages = new Map<string, SeedImages>();

export function seedBoard(boardId: string, update: Uint8Array, images?: SeedImages): void {
  seeds.set(boardId, update);
  if (images && images.shapes.length > 0) seededImages.set(boardId, images);
}

export function takeSeed(boardId: string): Uint8Array | undefined {
  const seed = seeds.get(boardId);
  seeds.delete(boardId);
  return seed;
}

export function takeSeedImages(boardId: string): SeedImages | undefined {
  const images = seededImages.get(boardId);
  seededImages.delete(boardId);
  return images;
}
