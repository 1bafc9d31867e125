import { describe, expect, it } from 'vitest';
import { relayUrlFor } from './relay-url';

describe('relayUrlFor', () => {
  it('uses ?relay= when it is an http(s) URL, else the page origin', () => {
    expect(relayUrlFor({ search: '?relay=http://127.0.0.1:4455', origin: 'app://easel' })).toBe(
      'http://127.0.0.1:4455',
    );
    expect(relayUrlFor({ search: '', origin: 'http://host:4455' })).toBe('http://host:4455');
    expect(relayUrlFor({ search: '?relay=javascript:alert(1)', origin: 'http://host:1' })).toBe('http://host:1');
  });
});
