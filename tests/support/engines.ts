import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { waitFor } from './wait';

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

export interface EngineStart {
  /** Names the engine in messages. */
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  /** The stream that says when it is ready, and the words that say so. */
  readyOn: 'stdout' | 'stderr';
  readyLine: string;
  timeoutMs: number;
  pollMs: number;
}

/**
 * Spawns an engine and waits until it says it is ready; fails with its last
 * output if it exits first, and kills it if it is not ready in time.
 */
export async function spawnEngine(start: EngineStart): Promise<ChildProcess> {
  const stdio: SpawnOptions['stdio'] =
    start.readyOn === 'stdout' ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'];
  const child = spawn(start.command, start.args, { ...start.options, stdio });
  let log = '';
  child[start.readyOn]?.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-8_000)));
  await waitFor(
    () => log.includes(start.readyLine) || child.exitCode !== null,
    `${start.name} to start`,
    start.timeoutMs,
    start.pollMs,
  ).catch((error: unknown) => {
    child.kill('SIGKILL'); // never ready: nobody holds it to stop it later
    throw error;
  });
  if (child.exitCode !== null) throw new Error(`${start.name} exited at start:\n${log}`);
  return child;
}

/** Signals an engine unless it is already gone, and waits for it to exit. */
export async function stopEngine(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}
