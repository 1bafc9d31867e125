import { describe, expect, it } from 'vitest';
import {
  boardIdFromStorageName,
  boardStorageName,
  isWindowsReservedName,
  legacyFolderTarget,
} from './board-storage-name';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const RESERVED = ['CON', 'PRN', 'AUX', 'NUL', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])];

/** Every way of casing the letters of `word` (2^letters of them). */
function casings(word: string): string[] {
  let results = [''];
  for (const char of word) {
    const variants = char.toLowerCase() === char.toUpperCase() ? [char] : [char.toLowerCase(), char.toUpperCase()];
    results = results.flatMap((prefix) => variants.map((variant) => prefix + variant));
  }
  return results;
}

function randomId(length: number): string {
  let id = '';
  for (let index = 0; index < length; index += 1) id += ID_ALPHABET[Math.floor(Math.random() * ID_ALPHABET.length)];
  return id;
}

describe('board storage names', () => {
  it('keeps a lowercase id as it is and marks the uppercase letters of others', () => {
    expect(boardStorageName('caseboard')).toBe('caseboard');
    expect(boardStorageName('CaseBoard')).toBe('caseboard+11');
    expect(boardStorageName('b-1_x')).toBe('b-1_x');
    expect(boardStorageName('A'.repeat(64))).toBe(`${'a'.repeat(64)}+ffffffffffffffff`);
  });

  it('gives every casing of an id its own name, none with an uppercase letter, and reads the id back', () => {
    for (const word of ['caseboard', 'ab-1_cd', 'con', 'lpt1']) {
      const ids = casings(word);
      const names = ids.map(boardStorageName);
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(ids.length);
      for (const [index, name] of names.entries()) {
        expect(name).toBe(name.toLowerCase());
        expect(boardIdFromStorageName(name)).toBe(ids[index]);
      }
    }
    for (let round = 0; round < 2000; round += 1) {
      const id = randomId(1 + (round % 64));
      expect(boardIdFromStorageName(boardStorageName(id))).toBe(id);
    }
  });

  it('never produces a name Windows reserves, nor one that looks like a DOS short name', () => {
    for (const reserved of RESERVED) {
      for (const id of casings(reserved)) {
        const name = boardStorageName(id);
        expect(isWindowsReservedName(name), `${id} → ${name}`).toBe(false);
        expect(boardIdFromStorageName(name)).toBe(id);
      }
    }
    expect(boardStorageName('con')).toBe('con+0');
    expect(boardStorageName('CON')).toBe('con+7');
    expect(boardStorageName('nul')).toBe('nul+0');
    expect(boardStorageName('console')).toBe('console');
    for (let round = 0; round < 2000; round += 1) {
      const name = boardStorageName(randomId(1 + (round % 12)));
      expect(name).not.toMatch(/~\d/);
      expect(name).not.toMatch(/[. ]$/);
      expect(isWindowsReservedName(name)).toBe(false);
    }
  });

  it('recognises Windows device names with any case and extension', () => {
    for (const name of ['CON', 'con', 'Nul.txt', 'com1', 'LPT9.tar.gz', 'aux'])
      expect(isWindowsReservedName(name)).toBe(true);
    for (const name of ['con+0', 'console', 'com10', 'nul_', 'xcon']) expect(isWindowsReservedName(name)).toBe(false);
  });

  it('reads no id from a name it would not produce', () => {
    for (const name of [
      'CaseBoard',
      'caseboard+0',
      'caseboard+011',
      'caseboard+100000',
      'a1+2',
      'con',
      'x+',
      '+1',
      '..',
      'relay.lock',
      'a'.repeat(65),
    ]) {
      expect(boardIdFromStorageName(name), name).toBeUndefined();
    }
  });

  it('says where a folder named by a raw id must move', () => {
    expect(legacyFolderTarget('CaseBoard')).toBe('caseboard+11');
    expect(legacyFolderTarget('con')).toBe('con+0');
    expect(legacyFolderTarget('caseboard')).toBeUndefined();
    expect(legacyFolderTarget('caseboard+11')).toBeUndefined();
    expect(legacyFolderTarget('not a board')).toBeUndefined();
  });

  it('refuses an invalid id', () => {
    for (const id of ['', '../x', 'a.b', 'a'.repeat(65)])
      expect(() => boardStorageName(id)).toThrow(/invalid board id/);
  });
});
