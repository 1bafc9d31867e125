/**
 * Latency statistics for the relay benchmark. Percentiles use the nearest-rank
 * method on a sorted copy: the p-th percentile of n values is the value at
 * rank ceil(p/100 * n) (1-based), so it is always one of the measured values.
 */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array; NaN when it is empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[rank - 1]!;
}

/** Sorts a copy (numerically, NaN-free input assumed) and summarises it; all NaN when empty. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: n,
    min: n > 0 ? sorted[0]! : NaN,
    mean: n > 0 ? sum / n : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: n > 0 ? sorted[n - 1]! : NaN,
  };
}

/**
 * An append-only column of doubles that grows by doubling, so the hot receive
 * path pushes into a typed array instead of boxing numbers in a JS array.
 */
export class Column {
  private data: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} outside 0-${this.size - 1}`);
    this.data[index] = value;
  }

  /** A right-sized copy, safe to transfer to another thread. */
  toArray(): Float64Array {
    return this.data.slice(0, this.size);
  }
}
