/**
 * Each board's Y.Doc kept in IndexedDB (y-indexeddb), so a board opens, and can
 * be edited, while its relay is unreachable. Nothing here talks to the relay:
 * the next join's diff (sync step 1/2, docs/ARCHITECTURE.md#join-and-resync) carries whatever it lacks.
 *
 * - One database per relay and board, `easel:<relay origin>:<boardId>`: the same
 *   board id on two relays names two different boards.
 * - `openLocalBoardStore` resolves only once the local copy is in the doc, so
 *   the caller joins the relay afterwards and the join sends only the diff.
 * - The relay's epoch for the board is kept beside it, so a board that was
 *   replaced on the relay is recognised after a reload too.
 * - y-indexeddb writes every update in its own transaction as it happens. Until
 *   that transaction commits, a change is neither stored here nor necessarily
 *   acknowledged by the relay; `allChangesStored()` says whether such a change
 *   exists, so the page can warn before it unloads.
 * - Without IndexedDB (disabled, some private modes, a database that does not
 *   open in time) or once it fails (quota, a connection the browser closes) the
 *   board goes on online-only after one console warning; nothing throws at the
 *   caller or inside the doc's transactions.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export type LocalStoreKind = 'indexeddb' | 'online-only';

export interface LocalBoardStore {
  /** `online-only` when IndexedDB could not be used (from the start, or since it failed). */
  readonly kind: LocalStoreKind;
  /** The epoch the relay gave this board when we last synced it here, if ever. */
  readonly knownEpoch: string | undefined;
  /** Keeps the relay's epoch for this board for the next session. */
  rememberEpoch(epoch: string): void;
  /** Whether every change made to the doc since opening is committed to IndexedDB; never true online-only. */
  allChangesStored(): boolean;
  /** Stops storing; writes already started still commit. */
  close(): Promise<void>;
}

export interface LocalBoardStoreOptions {
  relayUrl: string;
  boardId: string;
  /** A fresh doc: the local copy is loaded into it. */
  doc: Y.Doc;
  /** Give up on IndexedDB (and go online-only) if the local copy has not loaded by then (ms). */
  loadTimeoutMs?: number;
  /** Aborted when the board is left before it has opened: stop loading, reject with its reason. */
  signal?: AbortSignal;
  warn?: (message: string, error?: unknown) => void;
}

/** Long enough for a big board's updates to load, short enough that a hung IndexedDB does not hide the board for long. */
export const LOCAL_LOAD_TIMEOUT_MS = 10_000;

// y-indexeddb's object stores, created here exactly as it creates them (see openProbe).
const UPDATES_STORE = 'updates';
const CUSTOM_STORE = 'custom';
const EPOCH_KEY = 'epoch';

/** The IndexedDB database holding `boardId` as synced with the relay at `relayUrl`. */
export function localDatabaseName(relayUrl: string, boardId: string): string {
  let relay = relayUrl;
  try {
    relay = new URL(relayUrl).origin;
  } catch {
    // Not a URL: the string itself still tells relays apart.
  }
  return `easel:${relay}:${boardId}`;
}

/**
 * Loads the board's local copy into `options.doc` and keeps storing its
 * changes. Falls back to online-only rather than rejecting; rejects only with
 * `options.signal`'s reason once it is aborted (the page left the board first).
 */
export async function openLocalBoardStore(options: LocalBoardStoreOptions): Promise<LocalBoardStore> {
  const { signal } = options;
  const warn = options.warn ?? defaultWarn;
  const name = localDatabaseName(options.relayUrl, options.boardId);
  const onlineOnly = (reason: string, error?: unknown): LocalBoardStore => {
    signal?.throwIfAborted();
    warn(`Easel: board ${options.boardId} is not kept on this device (${reason}); it works online only.`, error);
    return ONLINE_ONLY;
  };

  signal?.throwIfAborted();
  try {
    await openProbe(name);
  } catch (error) {
    return onlineOnly('IndexedDB is unavailable', error);
  }
  signal?.throwIfAborted();
  const persistence = new IndexeddbPersistence(name, options.doc);
  // Never awaited: destroy waits for the database to open, which may be what hangs.
  const abandon = () => void persistence.destroy().catch(() => undefined);
  const outcome = await settleWithin(persistence.whenSynced, options.loadTimeoutMs ?? LOCAL_LOAD_TIMEOUT_MS, signal);
  if (outcome !== 'settled') abandon();
  if (outcome === 'timed-out') return onlineOnly('IndexedDB did not load the board in time');
  signal?.throwIfAborted();
  let knownEpoch: string | undefined;
  try {
    const stored: unknown = await persistence.get(EPOCH_KEY);
    if (typeof stored === 'string') knownEpoch = stored;
  } catch (error) {
    warn(`Easel: could not read the relay epoch of board ${options.boardId}.`, error);
  }
  if (signal?.aborted) abandon();
  signal?.throwIfAborted();
  return new IndexeddbBoardStore(persistence, options.doc, knownEpoch, (reason, error) =>
    warn(`Easel: board ${options.boardId} is no longer kept on this device (${reason}); it works online only.`, error),
  );
}

const ONLINE_ONLY: LocalBoardStore = Object.freeze({
  kind: 'online-only' as const,
  knownEpoch: undefined,
  rememberEpoch: () => undefined,
  allChangesStored: () => false,
  close: () => Promise.resolve(),
});

class IndexeddbBoardStore implements LocalBoardStore {
  private failed = false;
  private closed = false;
  /** Changes handed to IndexedDB, and how many of those are known to be committed. */
  private written = 0;
  private committed = 0;

  constructor(
    private readonly persistence: IndexeddbPersistence,
    private readonly doc: Y.Doc,
    readonly knownEpoch: string | undefined,
    private readonly onFailure: (reason: string, error?: unknown) => void,
  ) {
    // y-indexeddb's own listener throws inside the doc's transaction if the
    // database was closed under it, which would break the edit and every later
    // listener (the relay sync among them): it runs here, guarded, instead.
    doc.off('update', persistence._storeUpdate);
    doc.on('update', this.onDocUpdate);
    // Transaction events bubble to the connection: this sees y-indexeddb's
    // writes fail too (quota), although it drops their promises.
    persistence.db?.addEventListener('abort', (event) =>
      this.fail('a write was aborted', event.target instanceof IDBTransaction ? event.target.error : undefined),
    );
    persistence.db?.addEventListener('close', () => this.fail('the browser closed the database'));
  }

  get kind(): LocalStoreKind {
    return this.failed ? 'online-only' : 'indexeddb';
  }

  rememberEpoch(epoch: string): void {
    if (this.failed || this.closed) return;
    this.persistence.set(EPOCH_KEY, epoch).catch((error: unknown) => this.fail('could not store the epoch', error));
  }

  allChangesStored(): boolean {
    return !this.failed && this.committed === this.written;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.doc.off('update', this.onDocUpdate);
    await this.persistence.destroy().catch(() => undefined);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.persistence || this.failed || this.closed) return;
    const change = ++this.written;
    try {
      this.persistence._storeUpdate(update, origin);
      this.awaitCommit(change);
    } catch (error) {
      this.fail('could not write a change', error);
    }
  };

  /**
   * Transactions on one store run in the order they were created, so a read
   * created after y-indexeddb's write completes only once that write has
   * committed, or failed (which the connection's abort listener reports).
   */
  private awaitCommit(change: number): void {
    const db = this.persistence.db;
    if (!db) throw new Error('the database is not open');
    const transaction = db.transaction([UPDATES_STORE], 'readonly');
    transaction.objectStore(UPDATES_STORE).count();
    transaction.oncomplete = () => {
      this.committed = Math.max(this.committed, change);
    };
  }

  private fail(reason: string, error?: unknown): void {
    if (this.failed || this.closed) return;
    this.failed = true;
    this.doc.off('update', this.onDocUpdate);
    this.persistence.destroy().catch(() => undefined);
    this.onFailure(reason, error);
  }
}

/**
 * Opens (creating if need be) the board's database once and closes it, so a
 * browser without working IndexedDB is found out here, where it can be caught:
 * y-indexeddb leaves a failed open as an unhandled rejection and a load that
 * never finishes. The stores are created with y-indexeddb's exact definitions.
 */
function openProbe(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(UPDATES_STORE, { autoIncrement: true });
      request.result.createObjectStore(CUSTOM_STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      const usable = db.objectStoreNames.contains(UPDATES_STORE) && db.objectStoreNames.contains(CUSTOM_STORE);
      db.close();
      if (usable) resolve();
      else reject(new Error(`database ${name} exists without y-indexeddb's stores`));
    };
    request.onerror = () => reject(request.error ?? new Error(`could not open database ${name}`));
  });
}

/** Whether `promise` settled (either way) within `ms`, or `signal` was aborted first. */
function settleWithin(
  promise: Promise<unknown>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<'settled' | 'timed-out' | 'aborted'> {
  return new Promise((resolve) => {
    const done = (outcome: 'settled' | 'timed-out' | 'aborted') => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => done('aborted');
    const timer = setTimeout(() => done('timed-out'), ms);
    signal?.addEventListener('abort', onAbort);
    promise.then(
      () => done('settled'),
      () => done('settled'),
    );
  });
}

function defaultWarn(message: string, error?: unknown): void {
  if (error === undefined) console.warn(message);
  else console.warn(message, error);
}
