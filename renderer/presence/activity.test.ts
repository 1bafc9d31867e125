import { describe, expect, it } from 'vitest';
import { activityOf, IDLE_AFTER_MS } from './activity';

describe('activityOf', () => {
  it('is away while the page is hidden, whatever the input', () => {
    expect(activityOf({ hidden: true, lastInputAt: 1000, now: 1000 })).toBe('away');
  });

  it('is idle a minute after the last input, active before', () => {
    expect(activityOf({ hidden: false, lastInputAt: 0, now: IDLE_AFTER_MS - 1 })).toBe('active');
    expect(activityOf({ hidden: false, lastInputAt: 0, now: IDLE_AFTER_MS })).toBe('idle');
  });
});
