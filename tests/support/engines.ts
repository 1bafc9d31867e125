import { existsSync } from 'node:fs';

/**
 * Tests that need PostgreSQL or Redis start throwaway engines of their own
 * (postgres.ts, redis.ts). Where the binaries are missing they skip and say
 * why, except under CI=true, where a missing engine fails the run: CI must
 * not go green by skipping them (.ci/run installs both).
 */
export function engineMissing(name: string, binaries: string[], hint: string): string | undefined {
  const missing = binaries.filter((binary) => !existsSync(binary));
  if (missing.length === 0) return undefined;
  const reason = `${name} tests need ${missing.join(', ')} (${hint})`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  console.warn(`skipping: ${reason}`);
  return reason;
}
