import { describe, expect, it } from 'vitest';
import { testMeasurer } from './test-measurer';
import { wrapText } from './wrap';

// Font size 10: a letter is 5 wide ('i' 2.5, 'm' 7.5), a space 2.5.
const measure = (line: string) => testMeasurer(line, 10);
const widthOf = (line: string) => measure(line);

describe('wrapText', () => {
  it('moves whole words to the next line and never exceeds the width', () => {
    const lines = wrapText('the quick brown fox jumps over the lazy dog', 60, measure);
    expect(lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy dog']);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(60);
  });

  it('measures each line with the measurer: narrow letters fit more', () => {
    expect(wrapText('iiii iiii iiii', 30, measure)).toEqual(['iiii iiii', 'iiii']);
    expect(wrapText('mmmm mmmm mmmm', 30, measure)).toEqual(['mmmm', 'mmmm', 'mmmm']);
  });

  it('keeps line breaks and empty lines, drops spaces at a wrap, keeps an indent', () => {
    expect(wrapText('one\n\ntwo', 100, measure)).toEqual(['one', '', 'two']);
    expect(wrapText('aaaa    bbbb', 25, measure)).toEqual(['aaaa', 'bbbb']);
    expect(wrapText('  ab cd', 100, measure)).toEqual(['  ab cd']);
    expect(wrapText('ab   ', 100, measure)).toEqual(['ab']);
    expect(wrapText('', 100, measure)).toEqual(['']);
  });

  it('breaks a word wider than the line between characters, never inside an emoji', () => {
    expect(wrapText('abcdefghij', 20, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('ok abcdefghij', 20, measure)).toEqual(['ok', 'abcd', 'efgh', 'ij']);
    const family = '👨‍👩‍👧';
    const lines = wrapText(`${family}${family}${family}`, 5, measure);
    expect(lines.join('')).toBe(`${family}${family}${family}`);
    for (const line of lines) expect([...new Intl.Segmenter().segment(line)]).toHaveLength(1);
  });

  it('still advances when not even one character fits', () => {
    expect(wrapText('abc', 1, measure)).toEqual(['a', 'b', 'c']);
  });
});
