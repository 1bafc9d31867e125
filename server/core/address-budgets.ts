import { isIPv4, isIPv6 } from 'node:net';
import { LRUCache } from 'lru-cache';
import { TokenBucket } from './rate-limit';

/**
 * How many client addresses a per-address budget remembers. Past it the
 * address seen least recently is forgotten (its budget starts afresh), so
 * memory stays bounded whatever the number of addresses.
 */
export const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * The key per-address budgets count under: an IPv4 address as it is (also
 * when it arrives IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 address by its /64,
 * since one machine usually holds a whole /64 and could otherwise take a
 * fresh address for every attempt.
 */
export function addressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = (address.split('%')[0] ?? '').split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...new Array<string>(missing).fill('0'), ...right].map((group) =>
    (Number.parseInt(group, 16) || 0).toString(16),
  );
}

export interface RateOptions {
  /** Tokens an address starts with, and at most holds. */
  burst: number;
  /** Milliseconds for the bucket to refill from empty to `burst`. */
  refillMs: number;
  /** Time in ms; tests pass their own clock. */
  now?: () => number;
}

/**
 * A token bucket per address: `burst` actions at once, then `burst` per
 * `refillMs`. A full bucket carries no information, so an address unseen for
 * `refillMs` is dropped; at most MAX_TRACKED_ADDRESSES are kept.
 */
export class AddressRateLimit {
  private readonly buckets: LRUCache<string, TokenBucket>;
  private readonly now: () => number;

  constructor(private readonly options: RateOptions) {
    this.now = options.now ?? (() => performance.now());
    this.buckets = new LRUCache({
      max: MAX_TRACKED_ADDRESSES,
      ttl: options.refillMs,
      ttlAutopurge: false,
      updateAgeOnGet: true,
      perf: { now: this.now },
    });
  }

  /** Takes one token for `key`; false when its budget is spent. */
  take(key: string): boolean {
    return this.bucketOf(key).take();
  }

  /** Whole tokens `key` has left. */
  remaining(key: string): number {
    return this.bucketOf(key).remaining();
  }

  private bucketOf(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket((this.options.burst * 1000) / this.options.refillMs, this.options.burst, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Addresses remembered now (for tests of the bound). */
  get size(): number {
    return this.buckets.size;
  }
}

export interface LockoutOptions {
  /** Failures an address may have within `lockoutMs` before it is locked out. */
  maxFailures: number;
  /** How long a lockout lasts, and the window failures are counted in. */
  lockoutMs: number;
  now?: () => number;
}

/**
 * Authentication failures per address: once `maxFailures` come within about
 * `lockoutMs` (a token bucket refilling at that rate), every handshake from
 * the address is refused for `lockoutMs`. Attempts during a lockout neither
 * count nor extend it, so a person on the same address gets in once it ends.
 */
export class AuthLockout {
  private readonly failures: AddressRateLimit;
  private readonly lockedUntil: LRUCache<string, number>;
  private readonly now: () => number;

  constructor(private readonly options: LockoutOptions) {
    this.now = options.now ?? (() => performance.now());
    this.failures = new AddressRateLimit({ burst: options.maxFailures, refillMs: options.lockoutMs, now: this.now });
    this.lockedUntil = new LRUCache({ max: MAX_TRACKED_ADDRESSES });
  }

  /** Milliseconds left of this address's lockout; 0 when it is not locked out. */
  lockedFor(key: string): number {
    const until = this.lockedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.lockedUntil.delete(key);
    return 0;
  }

  /** Counts one failed authentication; true when it was the one that locked the address out. */
  recordFailure(key: string): boolean {
    if (this.lockedFor(key) > 0) return false;
    this.failures.take(key);
    if (this.failures.remaining(key) > 0) return false;
    this.lockedUntil.set(key, this.now() + this.options.lockoutMs);
    return true;
  }
}
