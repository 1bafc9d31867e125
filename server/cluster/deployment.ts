import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '../core/types';
import type { StorageLogger } from '../storage/board-files';
import { FileBoardStore } from '../storage/file-store';
import { PostgresBoardStore } from '../storage/postgres/postgres-store';
import type { BoardStore } from '../storage/types';
import { connectRedis, type RedisLink } from './redis-link';

/** How often /healthz's view of the store is refreshed (ms); the endpoint itself never waits on the store. */
const STORE_PROBE_INTERVAL_MS = 2_000;

/** A name for this relay among its peers: host, pid and a random suffix (a restarted relay is a new node). */
export function defaultNodeName(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export type StoreKind = 'files' | 'postgres' | 'custom';

export interface BoardStoreChoice {
  /** A store made by the caller (tests, embedding): used as it is. */
  store?: BoardStore;
  /** `postgres://…`: boards in PostgreSQL, shared with other relays. */
  storeUrl?: string;
  /** Otherwise boards are files under this directory. */
  dataDir?: string;
  node: string;
  log: Logger;
  maxBoardBytes: number | undefined;
  maxOpenLogs: number;
}

/** Opens the store the options name: the caller's own, PostgreSQL, or files in the data dir. */
export async function openBoardStore(choice: BoardStoreChoice): Promise<{ store: BoardStore; kind: StoreKind }> {
  const { log, maxBoardBytes } = choice;
  const logger: StorageLogger = (event, details) => log.info({ ...details }, event);
  if (choice.store) return { store: choice.store, kind: 'custom' };
  if (choice.storeUrl) {
    const store = await PostgresBoardStore.create({ url: choice.storeUrl, node: choice.node, maxBoardBytes, logger });
    return { store, kind: 'postgres' };
  }
  if (!choice.dataDir) throw new Error('createRelay needs a dataDir (or a store)');
  const store = await FileBoardStore.create(choice.dataDir, { logger, maxBoardBytes, maxOpenLogs: choice.maxOpenLogs });
  return { store, kind: 'files' };
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
