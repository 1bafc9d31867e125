import { describe, expect, it } from 'vitest';
import { joinAckSchema, joinRequestSchema, plainAckSchema, updateMessageSchema } from './schemas';
import { BOARD_ID_PATTERN } from './limits';

describe('protocol v1 schemas', () => {
  it('accepts board ids of 1-64 safe characters only', () => {
    for (const id of ['a', 'A-z_09', 'x'.repeat(64)]) expect(BOARD_ID_PATTERN.test(id), id).toBe(true);
    for (const id of ['', 'x'.repeat(65), '../x', 'a/b', 'a.b', 'a b', 'é'])
      expect(BOARD_ID_PATTERN.test(id), id).toBe(false);
  });

  it('takes binary as a Buffer/Uint8Array (Node) or an ArrayBuffer (browser) and hands back a Uint8Array', () => {
    const fromBuffer = updateMessageSchema.parse({ boardId: 'b', update: Buffer.from([1, 2]) });
    const fromArrayBuffer = updateMessageSchema.parse({ boardId: 'b', update: new Uint8Array([1, 2]).buffer });
    expect(fromBuffer.update).toBeInstanceOf(Uint8Array);
    expect([...fromArrayBuffer.update]).toEqual([1, 2]);
    expect(updateMessageSchema.safeParse({ boardId: 'b', update: [1, 2] }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ boardId: 'b' }).success).toBe(false);
  });

  it('validates acks the relay sends', () => {
    expect(plainAckSchema.safeParse({ ok: true }).success).toBe(true);
    expect(plainAckSchema.safeParse({ ok: false, error: { code: 'NOPE', message: '' } }).success).toBe(false);
    const join = {
      ok: true,
      boardId: 'b',
      update: new Uint8Array([0, 0]),
      stateVector: new Uint8Array([0]),
      epoch: 'e',
      role: 'editor',
    };
    expect(joinAckSchema.safeParse(join).success).toBe(true);
    expect(joinAckSchema.safeParse({ ...join, role: 'owner' }).success).toBe(false);
  });
});
