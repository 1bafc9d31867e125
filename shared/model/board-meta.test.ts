import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardFileBaseName, readBoardName, writeBoardName } from './board-meta';

describe('board name in the doc', () => {
  it('writes a trimmed name and reads it back', () => {
    const doc = new Y.Doc();
    expect(readBoardName(doc)).toBeUndefined();
    expect(writeBoardName(doc, '  Sprint plan ')).toBe('Sprint plan');
    expect(readBoardName(doc)).toBe('Sprint plan');
    expect(doc.getMap('meta').toJSON()).toEqual({ name: 'Sprint plan' });
  });

  it('refuses empty, long and multi-line names and leaves the old one', () => {
    const doc = new Y.Doc();
    writeBoardName(doc, 'Kept');
    for (const bad of ['', '   ', 'x'.repeat(257), 'a\nb', 'tab\there']) {
      expect(() => writeBoardName(doc, bad), JSON.stringify(bad)).toThrow();
    }
    expect(readBoardName(doc)).toBe('Kept');
  });

  it('ignores what a peer wrote that is not a valid name', () => {
    const doc = new Y.Doc();
    for (const bad of [42, { name: 'x' }, 'x'.repeat(300), '', 'a\u0000b']) {
      doc.getMap('meta').set('name', bad);
      expect(readBoardName(doc), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('makes file names without characters file systems refuse', () => {
    expect(boardFileBaseName('Q3: plan / ideas?', 'board')).toBe('Q3 plan ideas');
    expect(boardFileBaseName('..hidden', 'board')).toBe('hidden');
    expect(boardFileBaseName('a\u0001b', 'board')).toBe('a b');
    expect(boardFileBaseName(undefined, 'abc123')).toBe('abc123');
    expect(boardFileBaseName(' / ', 'abc123')).toBe('abc123');
  });
});
