import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import packageJson from '../package.json' with { type: 'json' };
import { DEFAULT_MAX_BOARD_FILE_BYTES, DEFAULT_MAX_FILE_BYTES } from '../shared/files';
import { clipText, DESKTOP_APP_ORIGIN, MAX_UPDATE_BYTES, PROTOCOL_VERSION } from '../shared/protocol';
import { AccessControl } from './access/access-control';
import { accessHttpHandler, isAccessPath } from './access/access-http';
import { writeRelayAddress } from './access/relay-address';
import { BoardCatalog } from './catalog/board-catalog';
import { catalogHttpHandler } from './catalog/catalog-http';
import { connectRedis, defaultNodeName, openBoardStore, StoreProbe } from './cluster/deployment';
import { PeerLink } from './cluster/peer-link';
import { AuthLockout } from './core/address-budgets';
import type { Grant } from './core/authorize';
import { RelayCore, type RelayCoreOptions } from './core/relay-core';
import { type Logger, silentLogger } from './core/types';
import { DiskFileStore } from './files/disk-file-store';
import { FileCollector } from './files/file-collector';
import { PostgresFileStore } from './files/postgres-file-store';
import { filesHttpHandler, isFilePath, MAX_FILES_PER_BOARD } from './files/files-http';
import type { BoardFileStore } from './files/types';
import { DEFAULT_RELAY_BUDGETS, type RelayBudgets } from './relay-budgets';
import { PostgresBoardStore } from './storage/postgres/postgres-store';
import type { BoardStore } from './storage/types';
import { type BackpressureLimits, DEFAULT_BACKPRESSURE, watchBackpressure } from './transport/backpressure';
import { type AdmittedData, admission } from './transport/admission';
import { applyConnectionBudget } from './transport/connection-budget';
import { destroyUnfinishedHandshakes } from './transport/handshake-timeout';
import { isOriginAllowed } from './transport/handshake';
import { hostAllowlist, refuseForeignHosts } from './transport/host-allowlist';
import { httpHandler } from './transport/http';
import type { HttpHandlerOptions } from './transport/http';
import { bindSession, DROP_MESSAGES } from './transport/session-events';
import { type RelayServer, socketIoOutbox } from './transport/socket-io-outbox';
import { openWebRoot } from './transport/static-client';
import { coalesceWrites } from './transport/write-coalescing';

export interface RelayOptions {
  /** Interface to bind. Defaults to loopback: sharing beyond this machine is a decision. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where boards are stored (docs/ARCHITECTURE.md#storage). Ignored when `store` is given. */
  dataDir?: string;
  store?: BoardStore;
  /** `postgres://…`: boards in PostgreSQL, shared with other relays (ignored when `store` is given). */
  storeUrl?: string;
  /** `redis://…`: fan-out to the other relays of a deployment through the Redis Streams adapter. */
  redisUrl?: string;
  /** This relay's name among its peers (default: host, pid and a random suffix). */
  node?: string;
  /** When set, clients must send it as `auth.token`. */
  token?: string;
  /**
   * The desktop host's own token, accepted next to `token`. Connections made
   * with it are the host's windows; every other one counts as a guest.
   */
  hostToken?: string;
  /**
   * Revoke every pass as the relay starts (the desktop app's relay when it is
   * not shared: links made while sharing end with it, as its old guest token did).
   */
  revokePassesAtStart?: boolean;
  /** Called whenever the number of connected guests changes. */
  onGuestsChange?: (guests: number) => void;
  /** Browser origins allowed besides the relay's own (e.g. the desktop renderer's). */
  allowedOrigins?: string[];
  /** Host names answered besides IP addresses, localhost and `host` (see host-allowlist.ts). */
  allowedHosts?: string[];
  /** Per-connection and per-address budgets, and open log files; each defaults as in relay-budgets.ts. */
  budgets?: Partial<RelayBudgets>;
  logger?: Logger;
  /** Engine.IO heartbeat: a silent peer is dropped after pingIntervalMs + pingTimeoutMs. */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Largest single WebSocket frame; larger ones close the socket. */
  maxHttpBufferSize?: number;
  /**
   * What the relay buffers per connection (see transport/backpressure.ts). The
   * stall time defaults to pingIntervalMs + pingTimeoutMs: a reader that takes
   * nothing goes when a silent one would.
   */
  backpressure?: Partial<BackpressureLimits>;
  maxUpdateBytes?: number;
  /** What one board may take on disk; larger boards are not opened, updates past it are refused. */
  maxBoardBytes?: number;
  /** One file uploaded to a board (docs/ARCHITECTURE.md#board-files). */
  maxFileBytes?: number;
  /** Every file of one board together. */
  maxBoardFileBytes?: number;
  updateLimits?: RelayCoreOptions['updateLimits'];
  idleUnloadMs?: RelayCoreOptions['idleUnloadMs'];
  compactLogBytes?: RelayCoreOptions['compactLogBytes'];
  limits?: RelayCoreOptions['limits'];
  /**
   * A built browser client (`npm run build:web` → `out/web`) to serve at `/` and
   * `/b/<boardId>`. Must hold index.html; createRelay rejects with a
   * WebRootError otherwise.
   */
  webRoot?: string;
  /** How often a board's catalog entry is rewritten while it is edited (ms); see catalog-recorder.ts. */
  catalogWriteIntervalMs?: number;
}

export interface RelayHandle {
  /** `http://host:port`, ready to hand to a client. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly core: RelayCore;
  /** Connected clients that did not present the host token. */
  readonly guests: number;
  /** The board catalog (home screen API); null with a custom store (no data dir to keep it in). */
  readonly catalog: BoardCatalog | null;
  /** Passes, locks and the join log (kept in memory only with a custom store). */
  readonly access: AccessControl;
  /** Stops taking connections, disconnects everyone, flushes every board. */
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4455;
export const RELAY_VERSION: string = packageJson.version;

export async function createRelay(options: RelayOptions): Promise<RelayHandle> {
  const log = options.logger ?? silentLogger;
  const host = options.host ?? DEFAULT_HOST;
  // Checked before the store opens, so a bad web root leaves nothing to clean up.
  const client = options.webRoot !== undefined ? await openWebRoot(options.webRoot) : null;
  const budgets: RelayBudgets = { ...DEFAULT_RELAY_BUDGETS, ...options.budgets };
  const node = options.node ?? defaultNodeName();
  const { store, kind: storeKind } = await openBoardStore({
    store: options.store,
    storeUrl: options.storeUrl,
    dataDir: options.dataDir,
    node,
    log,
    maxBoardBytes: options.maxBoardBytes,
    maxOpenLogs: budgets.maxOpenLogs,
  });
  // What a start that fails part-way has opened, released newest first.
  const opened: Array<() => unknown> = [() => store.close()];
  const abandonStart = async (error: unknown): Promise<never> => {
    for (const release of opened.reverse()) await release();
    throw error;
  };
  const redis = options.redisUrl ? await connectRedis(options.redisUrl, log).catch(abandonStart) : null;
  if (redis) opened.push(() => redis.close());
  const storeProbe = new StoreProbe(store);
  opened.push(() => storeProbe.stop());
  const maxUpdateBytes = options.maxUpdateBytes ?? MAX_UPDATE_BYTES;
  const startedAt = Date.now();
  const allowedOrigins = options.allowedOrigins ?? [];
  const pingIntervalMs = options.pingIntervalMs ?? 10_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
  // Sockets (not the HTTP API) also come from the desktop app, wherever this relay runs: see DESKTOP_APP_ORIGIN.
  const socketOrigins = [DESKTOP_APP_ORIGIN, ...allowedOrigins];

  // The HTTP handler must be in place before Socket.IO attaches: engine.io wraps
  // the listeners it finds so they never see `/socket.io/` requests.
  const httpServer = createServer(
    // Node checks its header and request timeouts this often; the default (30 s) would outlast a short handshake timeout.
    { connectionsCheckingInterval: Math.min(1_000, budgets.handshakeTimeoutMs) },
    httpHandler(
      () => ({
        ok: storeProbe.healthy && (redis?.ready ?? true),
        version: RELAY_VERSION,
        protocol: PROTOCOL_VERSION,
        boards: core.loadedBoards,
        connections: core.connectionCount,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        node,
        store: { kind: storeKind, ok: storeProbe.healthy },
        redis: redis ? { ok: redis.ready } : null,
      }),
      {
        client,
        logger: log,
        // Files are for everyone a board admits; the rest of the API lists and deletes boards and hands out
        // passes: only the host may use it, so no host token, no such API.
        api: () => (request, response, path) => {
          if (filesApi && isFilePath(path)) return filesApi(request, response, path);
          if (hostApi) return hostApi(request, response, path);
          response.writeHead(404, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          response.end(JSON.stringify({ ok: false, error: 'not found' }));
        },
      },
    ),
  );
  const io: RelayServer = new Server(httpServer, {
    path: '/socket.io/',
    serveClient: false,
    pingInterval: pingIntervalMs,
    pingTimeout: pingTimeoutMs,
    // Room for one maximal update plus its envelope; beyond that the socket closes.
    maxHttpBufferSize: options.maxHttpBufferSize ?? maxUpdateBytes + 64 * 1024,
    // An open transport that never connects the namespace (Socket.IO's handshake) is closed after this.
    connectTimeout: budgets.handshakeTimeoutMs,
    // Several relays: room broadcasts and serverSideEmit go through Redis (docs/ARCHITECTURE.md#several-relays).
    ...(redis ? { adapter: redis.adapter } : {}),
    cors: allowedOrigins.length > 0 ? { origin: allowedOrigins } : undefined,
    allowRequest: (request, answer) => {
      const allowed = isOriginAllowed(request.headers.origin, request.headers.host, socketOrigins);
      if (!allowed) log.warn({ origin: clipText(request.headers.origin ?? '') }, 'refused cross-origin request');
      answer(allowed ? null : 'origin not allowed', allowed);
    },
  });

  coalesceWrites(io.engine);
  const backpressure = watchBackpressure(
    io.engine,
    {
      ...DEFAULT_BACKPRESSURE,
      stallMs: pingIntervalMs + pingTimeoutMs,
      ...options.backpressure,
    },
    (connectionId, socketId, reason, pendingBytes) =>
      log.warn({ connectionId: socketId ?? connectionId, reason, pendingBytes }, DROP_MESSAGES[reason]),
  );
  // After Socket.IO attached, so its request and upgrade listeners sit behind the allowlist too.
  refuseForeignHosts(httpServer, hostAllowlist(host, options.allowedHosts ?? []), log);
  applyConnectionBudget(httpServer, {
    maxConnectionsPerAddress: budgets.maxConnectionsPerAddress,
    handshakeTimeoutMs: budgets.handshakeTimeoutMs,
    log,
  });
  destroyUnfinishedHandshakes(io);

  // Passes stay in each relay's data dir for now, also with a PostgreSQL store (docs/ARCHITECTURE.md#several-relays).
  const access = await AccessControl.open(options.store === undefined ? (options.dataDir ?? null) : null, log).catch(
    abandonStart,
  );
  if (options.revokePassesAtStart) await access.revokeAllPasses();
  const outbox = socketIoOutbox(io, backpressure.congested);
  const peers = redis ? new PeerLink(io, node, log) : undefined;
  if (peers) opened.push(() => peers.stop());
  const core = new RelayCore({
    store,
    outbox,
    access,
    logger: log,
    idleUnloadMs: options.idleUnloadMs,
    compactLogBytes: options.compactLogBytes,
    maxUpdateBytes,
    maxBoardBytes: options.maxBoardBytes,
    updateLimits: options.updateLimits,
    limits: options.limits,
    budgets,
    onBoardStored: (boardId, doc) => catalog?.recorder.stored(boardId, doc),
    peers,
  });
  access.attach(core, outbox);
  peers?.attach(core);
  redis?.onReconnected(() => peers?.catchUp());
  // Opened before listening: it purges old trash and refuses joins to deleted boards.
  // A PostgreSQL store has no data dir: its catalog is not built yet (docs/ARCHITECTURE.md#several-relays).
  const catalog =
    storeKind === 'files' && options.dataDir !== undefined
      ? await BoardCatalog.open({
          dataDir: options.dataDir,
          core,
          log,
          writeIntervalMs: options.catalogWriteIntervalMs,
        }).catch(abandonStart)
      : null;
  // The API lists and deletes boards: only the desktop host may use it, so without a host token there is none (404).
  const catalogApi =
    catalog && options.hostToken !== undefined
      ? catalogHttpHandler({ catalog, hostToken: options.hostToken, allowedOrigins, logger: log })
      : undefined;
  const accessApi =
    options.hostToken !== undefined
      ? accessHttpHandler({
          access,
          boardIsOpenable: async (boardId) =>
            core.refusalOf(boardId) === undefined && (await core.boardExists(boardId)),
          hostToken: options.hostToken,
          allowedOrigins,
          logger: log,
        })
      : undefined;
  const hostApi: ReturnType<NonNullable<HttpHandlerOptions['api']>> = accessApi
    ? (request, response, path) => (isAccessPath(path) || !catalogApi ? accessApi : catalogApi)(request, response, path)
    : undefined;

  // Boards' files beside the boards: their folders, or PostgreSQL; none with a store of the caller's (tests).
  const fileStore: BoardFileStore | null =
    store instanceof PostgresBoardStore
      ? new PostgresFileStore(store.connections)
      : storeKind === 'files' && options.dataDir !== undefined
        ? new DiskFileStore(options.dataDir)
        : null;
  if (fileStore) opened.push(() => fileStore.close());
  const lookUpPass = (token: string): Grant | undefined => {
    const check = access.checkToken(token);
    if (!check.ok) return undefined;
    const { id: passId, boardId, role, label } = check.pass;
    return { kind: 'pass', passId, boardId, role, label };
  };
  // Wrong tokens count the same whether they come with a handshake or a file request.
  const lockout = new AuthLockout({
    maxFailures: budgets.maxAuthFailuresPerAddress,
    lockoutMs: budgets.authLockoutMs,
  });
  const filesApi = fileStore
    ? filesHttpHandler({
        store: fileStore,
        limits: {
          maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
          maxBoardFileBytes: options.maxBoardFileBytes ?? DEFAULT_MAX_BOARD_FILE_BYTES,
          maxImagePixels: budgets.maxImagePixels,
          maxFilesPerBoard: MAX_FILES_PER_BOARD,
        },
        token: options.token,
        hostToken: options.hostToken,
        lookUpPass,
        facts: {
          refusalOf: (boardId) => core.refusalOf(boardId),
          isLocked: (boardId) => access.isLocked(boardId),
          passIsValid: (passId) => access.passIsValid(passId),
        },
        boardExists: (boardId) => core.boardExists(boardId),
        allowedOrigins: socketOrigins,
        lockout,
        logger: log,
      })
    : undefined;

  const collector = fileStore
    ? new FileCollector({
        store: fileStore,
        boards: core,
        graceMs: budgets.fileGraceMs,
        intervalMs: budgets.fileSweepIntervalMs,
        log,
      })
    : null;
  collector?.start();
  if (collector) opened.push(() => collector.stop());

  const guests = new Set<string>();
  const countGuests = (change: () => void) => {
    const before = guests.size;
    change();
    if (guests.size !== before) options.onGuestsChange?.(guests.size);
  };

  io.use(
    admission({
      token: options.token,
      hostToken: options.hostToken,
      lookUpPass,
      budgets,
      lockout,
      log,
    }),
  );

  io.on('connection', (socket) => {
    const admitted = socket.data as AdmittedData;
    const session = core.connect(socket.id, admitted.client, admitted.grant);
    const { name } = socket.handshake.auth as { name?: string };
    log.info({ connectionId: socket.id, address: socket.handshake.address, name }, 'connect');
    backpressure.name(socket.conn, socket.id);
    bindSession(socket, session, backpressure);
    if (admitted.role === 'guest') countGuests(() => guests.add(socket.id));
    socket.on('disconnect', (reason) => {
      countGuests(() => guests.delete(socket.id));
      session.close();
      log.info({ connectionId: socket.id, reason }, 'disconnect');
    });
    socket.on('error', (error) => log.error({ connectionId: socket.id, err: String(error) }, 'socket error'));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? DEFAULT_PORT, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(abandonStart);
  const port = (httpServer.address() as AddressInfo).port;
  // The pass CLI finds the relay that holds the data dir through this (access/relay-address.ts).
  if (options.store === undefined && options.dataDir !== undefined) {
    await writeRelayAddress(options.dataDir, host, port, options.hostToken !== undefined).catch((error: unknown) =>
      log.warn({ err: String(error) }, 'could not record the relay address for the pass CLI'),
    );
  }

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    core,
    get guests() {
      return guests.size;
    },
    catalog,
    access,
    close: () => {
      closing ??= (async () => {
        // First, while Redis still carries it: the peers drop this relay's presence at once.
        peers?.stop();
        backpressure.stop();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
          httpServer.closeAllConnections();
        });
        await collector?.stop();
        await core.close();
        await access.close();
        await catalog?.close();
        await fileStore?.close();
        storeProbe.stop();
        await redis?.close();
        await store.close();
      })();
      return closing;
    },
  };
}
