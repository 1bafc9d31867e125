import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { validateUpdate } from './update-validation';

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('shapes').set('a', { type: 'rect', x: 1 });
  doc.getText('t').insert(0, 'hello');
  return Y.encodeStateAsUpdate(doc);
}
const codeOf = (run: () => void) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof RelayError ? error.code : 'threw something else';
  }
};

describe('validateUpdate', () => {
  it('accepts real updates, including the empty one a new doc produces', () => {
    expect(codeOf(() => validateUpdate(realUpdate()))).toBe('accepted');
    expect(codeOf(() => validateUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe('accepted');
  });

  it('rejects empty and oversized input', () => {
    expect(codeOf(() => validateUpdate(new Uint8Array(0)))).toBe('INVALID_UPDATE');
    expect(codeOf(() => validateUpdate(realUpdate(), 4))).toBe('TOO_LARGE');
  });

  it('rejects every truncation of a real update', () => {
    const update = realUpdate();
    for (let length = 1; length < update.length; length++) {
      expect(
        codeOf(() => validateUpdate(update.slice(0, length))),
        `first ${length} bytes`,
      ).toBe('INVALID_UPDATE');
    }
  });

  it('rejects garbage', () => {
    expect(codeOf(() => validateUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])))).toBe('INVALID_UPDATE');
    expect(codeOf(() => validateUpdate(new Uint8Array([1, 1, 5, 0, 0xff])))).toBe('INVALID_UPDATE');
  });
});
