import { describe, expect, it } from 'vitest';
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import { NEW_BOARD_ID_LENGTH, newBoardId } from './board-id';

describe('newBoardId', () => {
  it('maps each random byte to one URL-safe character', () => {
    const bytes = Uint8Array.from({ length: NEW_BOARD_ID_LENGTH }, (_, i) => i * 4 + 0x40 * (i % 4));
    expect(newBoardId(() => bytes)).toBe('AEIMQUYcgkosw048');
    expect(newBoardId(() => new Uint8Array(NEW_BOARD_ID_LENGTH).fill(255))).toBe('-'.repeat(NEW_BOARD_ID_LENGTH));
  });

  it('makes valid, distinct ids from the real random source', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newBoardId()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toHaveLength(NEW_BOARD_ID_LENGTH);
      expect(BOARD_ID_PATTERN.test(id), id).toBe(true);
    }
  });
});
