/**
 * Content handed from one board to a new one within this page: "keep my copy
 * as a new board" when the relay's board was replaced (docs/ARCHITECTURE.md#epochs). The
 * new board's view takes the seed once and merges it into its doc before it
 * joins, so the copy reaches the relay as the new board's first content.
 */
const seeds = new Map<string, Uint8Array>();

export function seedBoard(boardId: string, update: Uint8Array): void {
  seeds.set(boardId, update);
}

export function takeSeed(boardId: string): Uint8Array | undefined {
  const seed = seeds.get(boardId);
  seeds.delete(boardId);
  return seed;
}
