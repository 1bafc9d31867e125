import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { engineMissing } from './engines';
import { freePort } from './free-port';
import { waitFor } from './wait';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Why Redis tests skip here (undefined: they run). Throws under CI=true when the engine is missing. */
export const redisMissing = engineMissing('Redis', [REDIS_SERVER], 'apt-get install redis-server, or set REDIS_SERVER');

export interface RedisEngine {
  readonly url: string;
  /** Kills the server (SIGKILL: nothing is saved, it persists nothing anyway). */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port. */
  start(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, no persistence. */
export async function startRedis(): Promise<RedisEngine> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const start = async () => {
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-8_000)));
    server = child;
    await waitFor(
      () => log.includes('Ready to accept connections') || child.exitCode !== null,
      'redis-server to start',
      15_000,
      20,
    );
    if (child.exitCode !== null) throw new Error(`redis-server exited at start:\n${log}`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const child = server;
      server = undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
    start,
  };
}
