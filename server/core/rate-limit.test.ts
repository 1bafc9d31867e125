import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the given rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // 10 per second → one token per 100 ms
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('takes as many tokens as a message costs, or none', () => {
    let now = 0;
    const bucket = new TokenBucket(1_000, 5_000, () => now);
    expect(bucket.take(4_000)).toBe(true);
    expect(bucket.take(2_000)).toBe(false);
    expect(bucket.take(1_000)).toBe(true);
    now += 10_000;
    expect(bucket.take(5_000)).toBe(true);
    expect(bucket.take(5_001)).toBe(false);
  });
});
