import { describe, expect, it } from 'vitest';
import { parsePresenceOptions } from './options';

describe('parsePresenceOptions', () => {
  it('defaults to 2, 10 and 50 people at 30 Hz', () => {
    expect(parsePresenceOptions([])).toEqual({
      kind: 'run',
      options: { people: [2, 10, 50], rateHz: 30, jumps: 30, sweeps: 4, skipBuild: false, cpuProfileDir: undefined },
    });
  });

  it('reads every option', () => {
    const parsed = parsePresenceOptions([
      '--people',
      '2, 5',
      '--rate',
      '20',
      '--jumps',
      '3',
      '--sweeps',
      '0',
      '--skip-build',
      '--cpu-prof',
      '/tmp/profiles',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: { people: [2, 5], rateHz: 20, jumps: 3, sweeps: 0, skipBuild: true, cpuProfileDir: '/tmp/profiles' },
    });
  });

  it('refuses a board of one, a rate over the relay limit, and unknown flags', () => {
    expect(parsePresenceOptions(['--people', '1,10']).kind).toBe('error');
    expect(parsePresenceOptions(['--people', '10,x']).kind).toBe('error');
    expect(parsePresenceOptions(['--rate', '61']).kind).toBe('error');
    expect(parsePresenceOptions(['--rate', '0']).kind).toBe('error');
    expect(parsePresenceOptions(['--jumps', '0']).kind).toBe('error');
    expect(parsePresenceOptions(['--sweeps', '1.5']).kind).toBe('error');
    expect(parsePresenceOptions(['--frobnicate']).kind).toBe('error');
    expect(parsePresenceOptions(['--cpu-prof', '']).kind).toBe('error');
  });

  it('answers --help', () => {
    expect(parsePresenceOptions(['-h'])).toEqual({ kind: 'help' });
  });
});
