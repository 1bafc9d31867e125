import type { ChildProcess } from 'node:child_process';
import { engineMissing, spawnEngine, stopEngine } from './engines';
import { freePort } from './free-port';

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
    server = await spawnEngine({
      name: 'redis-server',
      command: REDIS_SERVER,
      args: [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'yes',
      ],
      readyOn: 'stdout',
      readyLine: 'Ready to accept connections',
      timeoutMs: 15_000,
      pollMs: 20,
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const child = server;
      server = undefined;
      await stopEngine(child, 'SIGKILL');
    },
    start,
  };
}
