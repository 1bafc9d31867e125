import { describe, expect, it } from 'vitest';
import { median, parseLoadOptions, summarise, verdict } from './options';

describe('bench:load options and verdict', () => {
  it('parses its flags and refuses others', () => {
    expect(parseLoadOptions([])).toEqual({ kind: 'run', options: { runs: 3, skipBuild: false } });
    expect(parseLoadOptions(['--runs', '5', '--skip-build'])).toEqual({
      kind: 'run',
      options: { runs: 5, skipBuild: true },
    });
    expect(parseLoadOptions(['--runs', '0']).kind).toBe('error');
    expect(parseLoadOptions(['--fast']).kind).toBe('error');
    expect(parseLoadOptions(['--help']).kind).toBe('help');
  });

  it('takes the median of the runs and checks 350 KB and 2.5 s', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const run = summarise([
      { bytes: 300_000, requests: 10, usableMs: 2_000 },
      { bytes: 360_000, requests: 12, usableMs: 2_600 },
      { bytes: 310_000, requests: 11, usableMs: 2_100 },
    ]);
    expect(run).toEqual({ bytes: 310_000, requests: 11, usableMs: 2_100 });
    expect(verdict(run)).toEqual({ bytes: true, usable: true });
    expect(verdict({ bytes: 350_001, requests: 1, usableMs: 2_501 })).toEqual({ bytes: false, usable: false });
  });
});
