import { describe, expect, it } from 'vitest';
import { AddressRateLimit, addressKey, AuthLockout, MAX_TRACKED_ADDRESSES } from './address-budgets';

describe('addressKey', () => {
  it('keys IPv4 as it is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('AddressRateLimit', () => {
  it('gives each address its own burst, refilled over refillMs', () => {
    let now = 0;
    const limit = new AddressRateLimit({ burst: 3, refillMs: 3_000, now: () => now });
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, true, false]);
    expect(limit.take('b')).toBe(true);
    now += 1_000;
    expect([limit.take('a'), limit.take('a')]).toEqual([true, false]);
  });

  it('remembers a bounded number of addresses', () => {
    const limit = new AddressRateLimit({ burst: 1, refillMs: 60_000 });
    for (let i = 0; i < MAX_TRACKED_ADDRESSES + 500; i++) limit.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limit.size).toBe(MAX_TRACKED_ADDRESSES);
  });
});

describe('AuthLockout', () => {
  it('locks an address out at its maxFailures-th failure, for lockoutMs, without extending it', () => {
    let now = 0;
    const lockout = new AuthLockout({ maxFailures: 3, lockoutMs: 60_000, now: () => now });
    expect([lockout.recordFailure('a'), lockout.recordFailure('a')]).toEqual([false, false]);
    expect(lockout.lockedFor('a')).toBe(0);
    expect(lockout.recordFailure('a')).toBe(true);
    expect(lockout.lockedFor('a')).toBe(60_000);
    expect(lockout.lockedFor('b')).toBe(0);
    now += 30_000;
    expect(lockout.recordFailure('a')).toBe(false);
    expect(lockout.lockedFor('a')).toBe(30_000);
    now += 30_000;
    expect(lockout.lockedFor('a')).toBe(0);
    // Two failures' worth refilled meanwhile (3 per 60 s): the next failure does not lock it again at once.
    expect(lockout.recordFailure('a')).toBe(false);
  });

  it('forgets failures spread thinner than maxFailures per lockoutMs', () => {
    let now = 0;
    const lockout = new AuthLockout({ maxFailures: 3, lockoutMs: 60_000, now: () => now });
    for (let i = 0; i < 10; i++) {
      expect(lockout.recordFailure('a')).toBe(false);
      now += 30_000;
    }
  });
});
