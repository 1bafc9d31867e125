import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('doubles per attempt up to the cap, with half of each delay random', () => {
    const low = () => 0;
    const high = () => 1;
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, high, 100, 1_000))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, low, 100, 1_000))).toEqual([50, 100, 200, 400]);
    expect(reconnectDelayMs(10, high, 100, 1_000)).toBe(1_000);
    expect(reconnectDelayMs(1_000, high, 100, 1_000)).toBe(1_000);
  });
});
