import type * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { type BoardStore, DEFAULT_MAX_BOARD_BYTES } from '../storage/types';
import { AddressRateLimit } from './address-budgets';
import type { Grant } from './authorize';
import { Room } from './room';
import { Session, type SessionLimits } from './session';
import { type AccessPort, type Creation, OPEN_ACCESS_PORT, type SessionHost } from './session-host';
import { type ClientInfo, type ConnectionId, type Logger, type Outbox, type Peers, silentLogger } from './types';
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits } from './update-validation';

export interface RelayCoreOptions {
  store: BoardStore;
  outbox: Outbox;
  logger?: Logger;
  /** An empty board stays loaded this long before it is flushed and unloaded (ms). */
  idleUnloadMs?: number;
  /** Compact a board once its log passes this many bytes. */
  compactLogBytes?: number;
  maxUpdateBytes?: number;
  /** Bounds on one update besides its bytes (tests lower them). */
  updateLimits?: Partial<UpdateLimits>;
  /** What one board may take in storage (--max-board-bytes). */
  maxBoardBytes?: number;
  limits?: Partial<SessionLimits>;
  budgets?: Partial<BoardBudgets>;
  /** Locks, passes and the join log (server/access/); without it nothing is locked and no one is recorded. */
  access?: AccessPort;
  /** Called after every durably stored change of a board, with its doc (the catalog reads the name). */
  onBoardStored?: (boardId: string, doc: Y.Doc) => void;
  /** Other relays sharing the store, when there are any (server/cluster/). */
  peers?: Peers;
}

/** Peer updates held for a board while it loads; past this the board catches up from the store instead. */
const MAX_HELD_PEER_UPDATES = 10_000;

/** What one connection, and one client address, may open and create (README: Limits and budgets). */
export interface BoardBudgets {
  /** Boards one connection may have joined at once. */
  maxBoardsPerConnection: number;
  /** Boards one address may create (first join of an id that does not exist) per hour. */
  newBoardsPerAddressPerHour: number;
  /** Yjs structs (edits, each kept) one board may hold; additions past it get TOO_LARGE (see room.ts). */
  maxBoardStructs: number;
}

export const DEFAULT_BOARD_BUDGETS: BoardBudgets = {
  maxBoardsPerConnection: 50,
  newBoardsPerAddressPerHour: 60,
  maxBoardStructs: 1_000_000,
};

const HOUR_MS = 3_600_000;

export const DEFAULT_IDLE_UNLOAD_MS = 30_000;
export const DEFAULT_COMPACT_LOG_BYTES = 4 * 1024 * 1024;
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  updatesPerSecond: 200,
  updateBurst: 400,
  awarenessPerSecond: 60,
  awarenessBurst: 120,
  joinsPerSecond: 5,
  joinBurst: 20,
  structsPerSecond: 20_000,
  structBurst: DEFAULT_UPDATE_LIMITS.maxStructs,
  updateBytesPerSecond: 256 * 1024,
  // Two maximal updates: a large import or a long offline session's resync goes through at once.
  updateByteBurst: 2 * DEFAULT_UPDATE_LIMITS.maxBytes,
};

/**
 * The relay without a transport (docs/ARCHITECTURE.md#relay-core): rooms keyed by board id, loaded
 * lazily from the store, unloaded after a final flush once empty for a while,
 * and one Session per connection. Transports feed it raw payloads.
 */
export class RelayCore implements SessionHost {
  readonly log: Logger;
  readonly access: AccessPort;
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly joinsInFlight = new Map<string, number>();
  private readonly sessions = new Map<ConnectionId, Session>();
  private readonly limits: SessionLimits;
  readonly budgets: BoardBudgets;
  private readonly newBoards: AddressRateLimit;
  /** Boards nobody may join, with the reason they are told (deleted boards). */
  private readonly refusedBoards = new Map<string, string>();
  /** Updates other relays stored while a board was loading here: its load may have read the store before them. */
  private readonly heldPeerUpdates = new Map<string, Uint8Array[] | 'overflowed'>();
  private closed = false;

  constructor(private readonly options: RelayCoreOptions) {
    this.log = options.logger ?? silentLogger;
    this.access = options.access ?? OPEN_ACCESS_PORT;
    this.limits = { ...DEFAULT_SESSION_LIMITS, ...options.limits };
    this.budgets = { ...DEFAULT_BOARD_BUDGETS, ...options.budgets };
    this.newBoards = new AddressRateLimit({ burst: this.budgets.newBoardsPerAddressPerHour, refillMs: HOUR_MS });
  }

  get loadedBoards(): number {
    return this.loaded.size;
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  /**
   * `client` says whose budgets the connection spends (without one, none: the
   * core's own tests); `grant` what its handshake admitted it to.
   */
  connect(
    connectionId: ConnectionId,
    client: ClientInfo = { address: 'unknown', budgeted: false },
    grant: Grant = { kind: 'token' },
  ): Session {
    const session = new Session(connectionId, this, this.limits, client, grant);
    this.sessions.set(connectionId, session);
    return session;
  }

  /** Every connected session (to find those a revoked pass admitted). */
  allSessions(): Session[] {
    return [...this.sessions.values()];
  }

  /** The sessions joined to a board now. */
  sessionsOn(boardId: string): Session[] {
    const members = this.loaded.get(boardId)?.memberIds() ?? [];
    return members.flatMap((id) => this.sessions.get(id) ?? []);
  }

  /** @internal Session calls this once its connection is gone. */
  forget(connectionId: ConnectionId): void {
    this.sessions.delete(connectionId);
  }

  /** The loaded room, for calls that need no loading (update, awareness, leave). */
  roomIfLoaded(boardId: string): Room | undefined {
    return this.loaded.get(boardId);
  }

  /**
   * Loads (or finds) a board for a join. `join` runs synchronously once the
   * room is there, so an unload cannot slip in between. When the board does
   * not exist yet, `creation` decides whether the joiner may create it, and
   * creating it spends one of its creator's new boards (an address key;
   * undefined for clients without budgets), or is refused with RATE_LIMITED
   * once they are spent. Who may join is the session's to decide, not this.
   */
  async withRoomForJoin<T>(boardId: string, join: (room: Room) => T, creation?: Creation): Promise<T> {
    this.cancelUnload(boardId);
    this.joinsInFlight.set(boardId, (this.joinsInFlight.get(boardId) ?? 0) + 1);
    try {
      if (creation) await this.checkCreation(boardId, creation);
      const room = await this.load(boardId);
      return join(room);
    } finally {
      const left = (this.joinsInFlight.get(boardId) ?? 1) - 1;
      if (left === 0) this.joinsInFlight.delete(boardId);
      else this.joinsInFlight.set(boardId, left);
      this.unloadIfIdle(boardId);
    }
  }

  /**
   * A change the relay makes to a board itself (a rename from the host's home
   * screen): loads the board if needed, applies `change` in one transaction,
   * sends it to everyone on the board and stores it like any update.
   */
  async changeBoard(boardId: string, change: (doc: Y.Doc) => void): Promise<void> {
    this.assertAdmitted(boardId);
    // The transaction runs inside the join callback, before any unload can be scheduled.
    await this.withRoomForJoin(boardId, (room) => {
      // A delete may have started while the board loaded.
      this.assertAdmitted(boardId);
      return room.applyRelayChange(change);
    });
  }

  /**
   * Reads a board's doc without joining it (the file collector: which images
   * it names): loads the board if needed, and it unloads again once idle.
   * Throws FORBIDDEN for a deleted board; never creates one that does not exist.
   */
  async readBoard<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T | undefined> {
    this.assertAdmitted(boardId);
    if (!(await this.boardExists(boardId))) return undefined;
    return this.withRoomForJoin(boardId, (room) => {
      this.assertAdmitted(boardId);
      return read(room.doc);
    });
  }

  /** The doc of a board loaded now, for a synchronous look (undefined when it is not loaded). */
  loadedDoc(boardId: string): Y.Doc | undefined {
    return this.loaded.get(boardId)?.doc;
  }

  /**
   * Takes a board away: from now on joins are refused with `reason`; everyone
   * on it is disconnected (their clients rejoin and are told why); once its
   * files are closed, `remove` runs (it moves them to the trash). If `remove`
   * fails, the board is admitted again.
   */
  async retireBoard(boardId: string, reason: string, remove: () => Promise<void>): Promise<void> {
    this.refusedBoards.set(boardId, reason);
    this.cancelUnload(boardId);
    await this.loading.get(boardId)?.catch(() => undefined);
    const room = this.loaded.get(boardId);
    if (room) {
      const members = room.memberIds();
      for (const connectionId of members) {
        room.leave(connectionId);
        this.sessions.get(connectionId)?.forgetBoard(boardId);
        this.options.outbox.disconnect(connectionId, reason);
      }
      this.unload(room);
    }
    await this.closing.get(boardId);
    try {
      await remove();
    } catch (error) {
      this.refusedBoards.delete(boardId);
      throw error;
    }
  }

  /** Joins to these boards are refused with `reason` (boards found in the trash at start). */
  refuseBoard(boardId: string, reason: string): void {
    this.refusedBoards.set(boardId, reason);
  }

  /** The board may be joined again (restored from the trash). */
  admitBoard(boardId: string): void {
    this.refusedBoards.delete(boardId);
  }

  /** Whether the board is in memory now (its files are open). */
  isLoaded(boardId: string): boolean {
    return this.loaded.has(boardId) || this.loading.has(boardId);
  }

  /** Why nobody may join the board (it is deleted or being deleted), or undefined. */
  refusalOf(boardId: string): string | undefined {
    return this.refusedBoards.get(boardId);
  }

  /** Whether the board exists: loaded, or on disk. */
  async boardExists(boardId: string): Promise<boolean> {
    return this.isLoaded(boardId) || (await this.options.store.exists(boardId));
  }

  private async checkCreation(boardId: string, creation: Creation): Promise<void> {
    if (await this.boardExists(boardId)) return;
    creation.authorize();
    const creator = creation.creator;
    if (creator === undefined || this.newBoards.take(creator)) return;
    this.log.warn({ address: creator, boardId }, 'refused a new board: this address created too many this hour');
    throw new RelayError(
      'RATE_LIMITED',
      `this address created ${this.budgets.newBoardsPerAddressPerHour} boards in the last hour, the most it may; join an existing board or try later`,
    );
  }

  private assertAdmitted(boardId: string): void {
    const reason = this.refusedBoards.get(boardId);
    if (reason !== undefined) throw new RelayError('FORBIDDEN', reason);
  }

  /** A member left: unload the board once it has stayed empty for a while. */
  unloadIfIdle(boardId: string): void {
    const room = this.loaded.get(boardId);
    if (!room || room.memberCount > 0 || this.joinsInFlight.has(boardId) || this.unloadTimers.has(boardId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(boardId);
      if (room.memberCount === 0 && !this.joinsInFlight.has(boardId) && this.loaded.get(boardId) === room) {
        this.unload(room);
      }
    }, this.options.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS);
    timer.unref?.();
    this.unloadTimers.set(boardId, timer);
  }

  /** Flushes and unloads every board. Call after the transport stopped taking connections. */
  async close(): Promise<void> {
    this.closed = true;
    for (const session of [...this.sessions.values()]) session.close();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    for (const room of [...this.loaded.values()]) this.unload(room);
    await Promise.allSettled([...this.closing.values()]);
  }

  private load(boardId: string): Promise<Room> {
    const existing = this.loading.get(boardId);
    if (existing) return existing;
    const loading = (async () => {
      // A previous instance of this board may still be writing its last records.
      await this.closing.get(boardId);
      if (this.closed) throw new Error('relay is shutting down');
      this.heldPeerUpdates.set(boardId, []);
      const opened = await this.options.store.open(boardId);
      const room = new Room(
        boardId,
        opened,
        this.options.outbox,
        this.log,
        {
          compactLogBytes: this.options.compactLogBytes ?? DEFAULT_COMPACT_LOG_BYTES,
          updateLimits: {
            ...DEFAULT_UPDATE_LIMITS,
            ...this.options.updateLimits,
            maxBytes: this.options.maxUpdateBytes ?? DEFAULT_UPDATE_LIMITS.maxBytes,
          },
          maxBoardBytes: this.options.maxBoardBytes ?? DEFAULT_MAX_BOARD_BYTES,
          maxBoardStructs: this.budgets.maxBoardStructs,
          onStored: (stored) => this.options.onBoardStored?.(stored.boardId, stored.doc),
          peers: this.options.peers,
        },
        (failed, answered) => this.onRoomFailure(failed, answered),
      );
      this.loaded.set(boardId, room);
      this.releaseHeldPeerUpdates(room);
      this.options.peers?.wantPresence(boardId);
      this.log.info({ boardId, epoch: room.epoch }, 'board loaded');
      return room;
    })();
    this.loading.set(boardId, loading);
    loading.catch(() => this.heldPeerUpdates.delete(boardId));
    const forget = () => {
      if (this.loading.get(boardId) === loading) this.loading.delete(boardId);
    };
    loading.then((room) => {
      // Keep the promise while the room stays loaded so joins share it.
      if (this.loaded.get(boardId) !== room) forget();
    }, forget);
    return loading;
  }

  /** Another relay stored this update of a board; a replica here takes it (see Room.applyPeerUpdate). */
  applyPeerUpdate(boardId: string, update: Uint8Array): void {
    const held = this.heldPeerUpdates.get(boardId);
    if (held === 'overflowed') return;
    if (held) {
      if (held.length < MAX_HELD_PEER_UPDATES) held.push(update);
      else this.heldPeerUpdates.set(boardId, 'overflowed');
      return;
    }
    this.loaded.get(boardId)?.applyPeerUpdate(update);
  }

  /** Presence another relay's members published on a board. */
  applyPeerAwareness(node: string, boardId: string, update: Uint8Array): void {
    this.loaded.get(boardId)?.applyPeerAwareness(node, update);
  }

  /** Another relay just loaded this board and lacks the presence of the members here. */
  republishPresence(boardId: string): void {
    this.loaded.get(boardId)?.republishPresence();
  }

  /** Relay `node` is gone (no heartbeat): its members' presence goes, and replicas catch up on what it stored. */
  forgetPeer(node: string): void {
    for (const room of this.loaded.values()) room.dropPeer(node);
    void this.catchUpFromStore();
  }

  /** Every loaded board merges in what the store holds now (after messages between relays may have been lost). */
  async catchUpFromStore(): Promise<void> {
    await Promise.all(
      [...this.loaded.values()].map((room) =>
        room
          .catchUpFromStore()
          .catch((error: unknown) =>
            this.log.warn({ boardId: room.boardId, err: String(error) }, 'could not catch up from the store'),
          ),
      ),
    );
  }

  private releaseHeldPeerUpdates(room: Room): void {
    const held = this.heldPeerUpdates.get(room.boardId);
    this.heldPeerUpdates.delete(room.boardId);
    if (held === 'overflowed') void room.catchUpFromStore().catch(() => undefined);
    else for (const update of held ?? []) room.applyPeerUpdate(update);
  }

  private unload(room: Room): void {
    const boardId = room.boardId;
    if (this.loaded.get(boardId) !== room) return;
    this.loaded.delete(boardId);
    this.loading.delete(boardId);
    const closing = room.close().finally(() => {
      if (this.closing.get(boardId) === closing) this.closing.delete(boardId);
      this.log.info({ boardId }, 'board unloaded');
    });
    this.closing.set(boardId, closing);
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(boardId);
  }

  /**
   * Its doc or storage can't be trusted: drop it; members resync into a fresh
   * load. Those whose updates the failed write held are answered UNAVAILABLE
   * and keep their connection (a client rejoins after such an answer); the
   * others are disconnected, since nothing else would tell them to rejoin.
   */
  private onRoomFailure(room: Room, answered: ReadonlySet<ConnectionId>): void {
    this.cancelUnload(room.boardId);
    const members = room.memberIds();
    for (const connectionId of members) {
      this.sessions.get(connectionId)?.forgetBoard(room.boardId);
      if (answered.has(connectionId)) room.leave(connectionId);
    }
    this.unload(room);
    for (const connectionId of members) {
      if (!answered.has(connectionId))
        this.options.outbox.disconnect(connectionId, `board ${room.boardId} is reloading`);
    }
  }
}
