import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '../core/types';
import { PostgresBoardStore } from '../storage/postgres/postgres-store';
import type { BoardStore } from '../storage/types';
import { connectRedis, type RedisLink } from './redis-link';

/** How often /healthz's view of the store is refreshed (ms); the endpoint itself never waits on the store. */
const STORE_PROBE_INTERVAL_MS = 2_000;

/** What /healthz adds about this relay's place in a deployment (docs/ARCHITECTURE.md#several-relays). */
export interface DeploymentHealth {
  node: string;
  store: { kind: 'files' | 'postgres' | 'custom'; ok: boolean };
  redis: { ok: boolean } | null;
}

/** A name for this relay among its peers: host, pid and a random suffix (a restarted relay is a new node). */
export function defaultNodeName(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export async function openPostgresStore(
  url: string,
  node: string,
  log: Logger,
  maxBoardBytes: number | undefined,
): Promise<BoardStore> {
  return PostgresBoardStore.create({
    url,
    node,
    maxBoardBytes,
    logger: (event, details) => log.info({ ...details }, event),
  });
}

export { connectRedis, type RedisLink };

/** Keeps a recent answer to "does the store answer?", so /healthz stays instant. */
export class StoreProbe {
  private ok = true;
  private readonly timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly store: BoardStore) {
    if (!store.ping) return;
    const probe = () => void store.ping?.().then((ok) => (this.ok = ok));
    probe();
    this.timer = setInterval(probe, STORE_PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  get healthy(): boolean {
    return this.ok;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
