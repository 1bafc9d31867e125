import { describe, expect, it } from 'vitest';
import { clipText, describeUntrusted, MAX_ECHOED_CHARS } from './untrusted-text';

describe('clipText', () => {
  it('keeps short text as it is and cuts long text, saying how long it was', () => {
    expect(clipText('Ann')).toBe('Ann');
    expect(clipText('x'.repeat(MAX_ECHOED_CHARS))).toBe('x'.repeat(MAX_ECHOED_CHARS));
    const clipped = clipText('y'.repeat(1024 * 1024));
    expect(clipped).toBe(`${'y'.repeat(MAX_ECHOED_CHARS)}… (1048576 characters)`);
    expect(clipText('abcdef', 3)).toBe('abc… (6 characters)');
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const clipped = clipText(`ab${'😀'.repeat(10)}`, 3);
    expect(clipped.startsWith('ab…')).toBe(true);
  });
});

describe('describeUntrusted', () => {
  it('quotes and clips strings, prints scalars, and never serialises objects', () => {
    expect(describeUntrusted(undefined)).toBe('nothing');
    expect(describeUntrusted(null)).toBe('null');
    expect(describeUntrusted(2)).toBe('2');
    expect(describeUntrusted(true)).toBe('true');
    expect(describeUntrusted('2')).toBe('"2"');
    expect(describeUntrusted('v'.repeat(1024 * 1024)).length).toBeLessThan(MAX_ECHOED_CHARS + 40);
    expect(describeUntrusted(new Array(1_000_000).fill('x'))).toBe('an array of 1000000');
    expect(describeUntrusted({ huge: 'x'.repeat(1024 * 1024) })).toBe('a value of type object');
  });
});
