import { describe, expect, it } from 'vitest';
import { summarize } from '../relay/stats';
import { formatTable, type PeopleResult, type PresenceBenchResult, TARGET_P95_MS, verdictOf } from './report';

function result(people: number, arrivalMs: number[]): PeopleResult {
  const lag = summarize([80, 90]);
  return {
    people,
    headless: people - 2,
    jump: {
      jumps: arrivalMs.length,
      receipt: summarize(arrivalMs.map((ms) => ms / 2)),
      transit: summarize(arrivalMs),
      arrival: summarize(arrivalMs),
      superseded: 0,
      unseen: 0,
      notAtRest: 0,
    },
    sweep: { lag },
    watcherFps: 60,
    seconds: 10,
    relay: {
      inBytesPerSecond: 1000,
      outBytesPerSecond: 9000,
      cpuPercent: 5,
      activeCursors: people - 1,
      cpuPercentPerActiveCursor: 5 / (people - 1),
    },
    headlessUpdatesPerSecond: (people - 2) * 30,
    headlessDropped: 0,
  };
}

describe('verdictOf', () => {
  it('passes when the p95 arrival at ten people is under the target, and misses otherwise', () => {
    const fast = Array.from({ length: 20 }, (_, i) => 10 + i);
    expect(verdictOf([result(2, [500]), result(10, fast)])).toMatchObject({ verdict: 'PASS', p95AtTarget: 28 }); // nearest rank 19 of 20;
    const slow = [...fast.slice(0, 18), TARGET_P95_MS, TARGET_P95_MS + 10];
    expect(verdictOf([result(10, slow)])).toMatchObject({ verdict: 'MISS', p95AtTarget: TARGET_P95_MS });
  });

  it('has no verdict without a run at ten people, or without one arrival there', () => {
    expect(verdictOf([result(2, [10])]).verdict).toBe('n/a');
    expect(verdictOf([result(10, [])]).verdict).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('prints a row per board size and the verdict', () => {
    const results = [result(2, [12, 14]), result(10, [20, 30])];
    const bench: PresenceBenchResult = {
      startedAt: '2026-01-01T00:00:00.000Z',
      options: { people: [2, 10], rateHz: 30, jumps: 2, sweeps: 1 },
      environment: {
        chromium: '1',
        viewport: '1280x800',
        node: 'v24',
        cpu: 'cpu',
        cores: 2,
        clock: 'Date.now()',
        loadAverage: [1, 1, 1],
      },
      target: verdictOf(results),
      results,
    };
    const table = formatTable(bench);
    expect(table).toMatch(/^ +2 +6\.0 \/ 7\.0 \/ 7\.0 +12\.0 \/ 14\.0 \/ 14\.0/m);
    expect(table).toContain('240 of 240');
    expect(table).toContain('PASS (p95 30.0 ms)');
  });
});
