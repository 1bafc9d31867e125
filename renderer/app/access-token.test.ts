import { describe, expect, it } from 'vitest';
import { accessTokenFrom } from './access-token';

describe('accessTokenFrom', () => {
  it('reads ?t= and ignores it when absent, empty or too long', () => {
    expect(accessTokenFrom('?t=abc123&name=Ann')).toBe('abc123');
    expect(accessTokenFrom('?name=Ann')).toBeUndefined();
    expect(accessTokenFrom('?t=')).toBeUndefined();
    expect(accessTokenFrom(`?t=${'x'.repeat(513)}`)).toBeUndefined();
  });
});
