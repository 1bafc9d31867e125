import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../shared/protocol';
import { displayNameFrom } from './display-name';

describe('displayNameFrom', () => {
  it('reads ?name=, trimmed and with whitespace collapsed', () => {
    expect(displayNameFrom('?name=Ann')).toBe('Ann');
    expect(displayNameFrom('?relay=http://h:1&name=Ann%20Lee')).toBe('Ann Lee');
    expect(displayNameFrom('?name=++Ann+++Lee++')).toBe('Ann Lee');
    expect(displayNameFrom('?name=Zo%C3%AB')).toBe('Zoë');
  });

  it('is undefined when absent or blank', () => {
    expect(displayNameFrom('')).toBeUndefined();
    expect(displayNameFrom('?relay=http://h:1')).toBeUndefined();
    expect(displayNameFrom('?name=')).toBeUndefined();
    expect(displayNameFrom('?name=%20%0A%09')).toBeUndefined();
  });

  it('drops control and bidi characters', () => {
    expect(displayNameFrom('?name=A%00n%0An')).toBe('An n');
    expect(displayNameFrom('?name=%E2%80%AEnnA')).toBe('nnA');
  });

  it('fits the relay’s name limit without splitting a character', () => {
    expect(displayNameFrom(`?name=${'a'.repeat(200)}`)).toBe('a'.repeat(MAX_NAME_LENGTH));
    const emoji = '😀'; // two UTF-16 units
    const name = displayNameFrom(`?name=a${encodeURIComponent(emoji.repeat(40))}`)!;
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toBe(`a${emoji.repeat((MAX_NAME_LENGTH - 1) >> 1)}`);
  });
});
