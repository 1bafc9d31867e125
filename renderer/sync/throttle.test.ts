import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then at most once per interval, always delivering the last call', () => {
    const action = vi.fn();
    const throttled = throttle(action, 33);
    throttled.call();
    expect(action).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) throttled.call();
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(33);
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(2);
    throttled.call();
    expect(action).toHaveBeenCalledTimes(3);
  });

  it('flush sends now and cancel drops a pending call', () => {
    const action = vi.fn();
    const throttled = throttle(action, 33);
    throttled.call();
    throttled.call();
    throttled.cancel();
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(1);
    throttled.flush();
    expect(action).toHaveBeenCalledTimes(2);
  });
});
