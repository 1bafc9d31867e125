import { describe, expect, it } from 'vitest';
import { attrs, escapeXml, num } from './xml';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });

  it('does not double-escape what looks like an entity: the text is shown as typed', () => {
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('drops characters XML cannot hold and keeps tab, newline, emoji and other scripts', () => {
    expect(escapeXml('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFF')).toBe('abcdef');
    expect(escapeXml('lone \uD800 and \uDC00 surrogates')).toBe('lone  and  surrogates');
    expect(escapeXml('tab\tline\nfeed 👩‍🎨 日本語 Ünïcödé')).toBe('tab\tline\nfeed 👩‍🎨 日本語 Ünïcödé');
  });
});

describe('num', () => {
  it('writes at most two decimals, without exponents or negative zero', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(1.23456, 4)).toBe('1.2346');
    expect(num(-0.001)).toBe('0');
    expect(num(10_000_000)).toBe('10000000');
    expect(num(1e-7)).toBe('0');
  });
});

describe('attrs', () => {
  it('writes escaped name="value" pairs and skips undefined', () => {
    expect(attrs({ a: 1.005, b: 'x"y', c: undefined })).toBe(' a="1" b="x&quot;y"');
  });
});
