import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../report';
import { compareRuns, HOSTILE_TARGETS } from './report';

const MiB = 1024 * 1024;

/** The fields compareRuns reads; the rest of a result does not matter to it. */
function run(p99: number, peakMiB: number, lostAfterKill = 0, deliveriesLost = 0): BenchResult {
  return {
    deliveryMs: { p99 },
    relayPeakRssBytes: peakMiB * MiB,
    readBack: { acknowledged: 1_000, lost: lostAfterKill, joinMs: 1 },
    lost: deliveriesLost,
  } as unknown as BenchResult;
}

describe('compareRuns (the hostile targets)', () => {
  it('passes within 1.5× the clean p99, under 512 MiB, with nothing lost', () => {
    expect(compareRuns([run(10, 200)], [run(14.9, 400)])).toMatchObject({ verdict: 'PASS', ratio: 1.49, reasons: [] });
  });

  it('names every target it misses', () => {
    const missed = compareRuns([run(10, 200, 0, 1)], [run(16, 600, 2)]);
    expect(missed.verdict).toBe('MISS');
    expect(missed.reasons).toEqual([
      `honest p99 is 1.60× the clean run's, over ${HOSTILE_TARGETS.p99Ratio}×`,
      'relay peak RSS 600 MiB is not under 512 MiB',
      '2 acknowledged updates lost',
      '1 honest deliveries lost',
    ]);
  });

  it('compares medians over several pairs, the largest peak and every loss', () => {
    const compared = compareRuns(
      [run(10, 200), run(30, 250), run(12, 210)],
      [run(15, 300), run(90, 520), run(17, 310, 1)],
    );
    expect(compared).toMatchObject({
      cleanP99Ms: 12,
      hostileP99Ms: 17,
      acknowledgedLost: 1,
      hostilePeakRssBytes: 520 * MiB,
    });
    expect(compared.reasons).toHaveLength(2);
  });
});
