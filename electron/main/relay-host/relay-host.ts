import { randomBytes } from 'node:crypto';
import { childMessageSchema, type RelayChildConfig as Config } from '../../../server/host/messages';
import type { ChildExit, RelayChild, RelayChildSpawner } from './relay-child-process';

export type RelayHostState = 'stopped' | 'starting' | 'running' | 'restarting' | 'failed';

export interface RelayHostSnapshot {
  state: RelayHostState;
  /** Where this app's windows connect: always on 127.0.0.1. Null before the first start. */
  url: string | null;
  /** What this app's windows present; stable for the life of the host. */
  hostToken: string;
  /** Set while the relay listens on all interfaces for guests (who come in with passes). */
  share: { port: number; guests: number } | null;
  /** What went wrong last (a crash, a failed start). */
  error?: string;
}

export interface RelayHostOptions {
  spawner: RelayChildSpawner;
  /** The relay child's entry module (server/host/child-entry.ts, built to out/main/relay-child.js). */
  childModule: string;
  dataDir: string;
  /** Browser origins of this app's windows (app://easel, and the dev server in development). */
  allowedOrigins: string[];
  /** The built browser client, served to guests while sharing. */
  webRoot?: string;
  logLevel?: Config['logLevel'];
  /** Used when share() names no port and none was chosen before. */
  defaultSharePort?: number;
  /** Waits before each restart after a crash; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** Consecutive failed restarts before giving up (state 'failed'). */
  maxRestarts?: number;
  /** A child that ran this long before crashing resets the count. */
  stableAfterMs?: number;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** A fresh secret: 128 random bits, base64url. */
  newToken?: () => string;
  log?: (event: string, details: Record<string, unknown>) => void;
}

/** Why share() failed; the relay is back on loopback when it throws. */
export class ShareError extends Error {
  constructor(
    readonly code: 'PORT_IN_USE' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

class RelayStartError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

interface Running {
  child: RelayChild;
  exited: Promise<ChildExit>;
  config: Config;
  port: number;
  guests: number;
  startedAt: number;
  /** Set before a deliberate stop, so its exit is not taken for a crash. */
  planned: boolean;
}

type Mode = { kind: 'local' } | { kind: 'shared'; port: number };

export const DEFAULT_SHARE_PORT = 4455;
const LOOPBACK = '127.0.0.1';
const ALL_INTERFACES = '0.0.0.0';

export const newSessionToken = () => randomBytes(16).toString('base64url');

/**
 * The embedded relay's life (docs/ARCHITECTURE.md#embedded-relay): a child process bound to 127.0.0.1
 * on a free port; "share" replaces it with one on all interfaces, where guests
 * come in with the passes the share dialog makes; "stop sharing" goes back to
 * loopback (the guests' connections die with the old process, and the new
 * one revokes every pass as it starts); a crash is followed by a restart in
 * the same mode after a backoff. The host's own token never changes, so this
 * app's windows only need the new URL after each move. Operations run one at
 * a time, in order.
 */
export class RelayHost {
  private readonly options: Required<Omit<RelayHostOptions, 'webRoot' | 'log'>> & Pick<RelayHostOptions, 'webRoot'>;
  private readonly log: NonNullable<RelayHostOptions['log']>;
  private readonly hostToken: string;
  private readonly listeners = new Set<(snapshot: RelayHostSnapshot) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private current: Running | null = null;
  private mode: Mode = { kind: 'local' };
  private state: RelayHostState = 'stopped';
  private lastUrl: string | null = null;
  private error: string | undefined;
  private preferredSharePort: number | undefined;
  private failedRestarts = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(options: RelayHostOptions) {
    this.options = {
      logLevel: 'warn',
      defaultSharePort: DEFAULT_SHARE_PORT,
      restartDelaysMs: [250, 1_000, 2_000, 5_000, 10_000],
      maxRestarts: 5,
      stableAfterMs: 30_000,
      readyTimeoutMs: 20_000,
      stopTimeoutMs: 10_000,
      newToken: newSessionToken,
      ...options,
    };
    this.log = options.log ?? (() => undefined);
    this.hostToken = this.options.newToken();
  }

  snapshot(): RelayHostSnapshot {
    const running = this.current;
    return {
      state: this.state,
      url: running ? `http://${LOOPBACK}:${running.port}` : this.lastUrl,
      hostToken: this.hostToken,
      share: this.mode.kind === 'shared' && running ? { port: running.port, guests: running.guests } : null,
      ...(this.error !== undefined && { error: this.error }),
    };
  }

  /** Called after every change of state, address, sharing or guest count. */
  onChange(listener: (snapshot: RelayHostSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts on loopback. A failed first start is retried like a crash; the snapshot tells. */
  start(): Promise<RelayHostSnapshot> {
    return this.enqueue(async () => {
      if (this.current || this.closed) return this.snapshot();
      this.setState('starting');
      await this.bringUp();
      return this.snapshot();
    });
  }

  /**
   * Listens on all interfaces (passes made while sharing keep working across
   * a move to another port). Without a port: the one chosen before, else 4455, else any free
   * one; while sharing, the current one. A port given and taken throws
   * PORT_IN_USE; the relay is then back on loopback.
   */
  share(request: { port?: number } = {}): Promise<RelayHostSnapshot> {
    return this.enqueue(async () => {
      if (this.closed) throw new ShareError('UNAVAILABLE', 'The app is closing.');
      // Already sharing: only a different port asks for a move (the fallback port stays otherwise).
      if (this.mode.kind === 'shared' && this.current && (request.port ?? this.current.port) === this.current.port) {
        return this.snapshot();
      }
      const port = request.port ?? this.preferredSharePort ?? this.options.defaultSharePort;
      this.cancelRestart();
      await this.haltCurrent();
      this.setState('starting');
      try {
        await this.launchShared(port, request.port === undefined);
      } catch (error) {
        this.mode = { kind: 'local' };
        await this.bringUp();
        throw shareErrorFor(error, port);
      }
      if (request.port !== undefined) this.preferredSharePort = request.port;
      this.setState('running');
      return this.snapshot();
    });
  }

  /** Back to loopback only: guests are disconnected, every pass is revoked, boards stay. */
  stopSharing(): Promise<RelayHostSnapshot> {
    return this.enqueue(async () => {
      if (this.closed || (this.mode.kind === 'local' && this.current)) return this.snapshot();
      this.cancelRestart();
      await this.haltCurrent();
      this.mode = { kind: 'local' };
      this.setState('starting');
      await this.bringUp();
      return this.snapshot();
    });
  }

  /** Flushes and stops the relay; nothing restarts it afterwards. */
  close(): Promise<void> {
    this.closed = true;
    this.cancelRestart();
    return this.enqueue(async () => {
      await this.haltCurrent();
      this.setState('stopped');
    });
  }

  /** The pid of the running child (tests kill it to play a crash). */
  get childPid(): number | undefined {
    return this.current?.child.pid;
  }

  /** Launches for the current mode; on failure, schedules a retry instead of throwing. */
  private async bringUp(): Promise<void> {
    try {
      if (this.mode.kind === 'shared') await this.launchShared(this.mode.port, true);
      else this.current = await this.launch(this.configFor(LOOPBACK, 0, false));
      this.setState('running');
    } catch (error) {
      this.scheduleRestart(messageOf(error));
    }
  }

  private async launchShared(port: number, mayFallBack: boolean): Promise<void> {
    try {
      this.current = await this.launch(this.configFor(ALL_INTERFACES, port, true));
    } catch (error) {
      if (!(mayFallBack && error instanceof RelayStartError && error.code === 'EADDRINUSE')) throw error;
      this.log('share-port-in-use', { port });
      this.current = await this.launch(this.configFor(ALL_INTERFACES, 0, true));
    }
    this.mode = { kind: 'shared', port: this.current.port };
  }

  private configFor(host: string, port: number, shared: boolean): Config {
    return {
      host,
      port,
      dataDir: this.options.dataDir,
      hostToken: this.hostToken,
      // Not shared: links made while sharing end here, whether sharing stopped or the app was quit while sharing.
      revokePassesAtStart: !shared,
      allowedOrigins: this.options.allowedOrigins,
      ...(shared && this.options.webRoot !== undefined && { webRoot: this.options.webRoot }),
      logLevel: this.options.logLevel,
    };
  }

  private launch(config: Config): Promise<Running> {
    const child = this.options.spawner.fork(this.options.childModule, []);
    const exited = new Promise<ChildExit>((resolve) => child.onExit(resolve));
    return new Promise<Running>((resolve, reject) => {
      let running: Running | null = null;
      let failure: RelayStartError | null = null;
      const fail = (error: RelayStartError) => {
        if (running || failure) return;
        failure = error;
        clearTimeout(timer);
        child.kill();
      };
      const timer = setTimeout(
        () => fail(new RelayStartError('TIMEOUT', `the relay did not start within ${this.options.readyTimeoutMs} ms`)),
        this.options.readyTimeoutMs,
      );
      child.onMessage((raw) => {
        const parsed = childMessageSchema.safeParse(raw);
        if (!parsed.success) return this.log('child-message-malformed', { pid: child.pid });
        const message = parsed.data;
        if (message.type === 'ready' && !running && !failure) {
          clearTimeout(timer);
          running = { child, exited, config, port: message.port, guests: 0, startedAt: Date.now(), planned: false };
          this.lastUrl = `http://${LOOPBACK}:${message.port}`;
          this.log('relay-ready', { pid: child.pid, host: config.host, port: message.port });
          resolve(running);
        } else if (message.type === 'failed') {
          fail(new RelayStartError(message.code, message.message));
        } else if (message.type === 'guests' && running) {
          running.guests = message.count;
          if (running === this.current) this.emit();
        }
      });
      void exited.then((exit) => {
        clearTimeout(timer);
        if (running) return this.onExit(running, exit);
        // Rejected only once the process is gone, so a retry never meets its lock on the data dir.
        reject(failure ?? new RelayStartError(undefined, `the relay exited (${describeExit(exit)}) before it started`));
      });
      child.send({ type: 'start', config });
    });
  }

  private onExit(running: Running, exit: ChildExit): void {
    if (running.planned || running !== this.current || this.closed) return;
    this.current = null;
    const reason = `the relay stopped unexpectedly (${describeExit(exit)})`;
    this.log('relay-crashed', { pid: running.child.pid, exit: describeExit(exit) });
    if (Date.now() - running.startedAt >= this.options.stableAfterMs) this.failedRestarts = 0;
    this.scheduleRestart(reason);
  }

  private scheduleRestart(reason: string): void {
    if (this.closed) return;
    this.failedRestarts += 1;
    this.error = reason;
    if (this.failedRestarts > this.options.maxRestarts) {
      this.log('relay-gave-up', { reason, attempts: this.failedRestarts - 1 });
      this.setState('failed');
      return;
    }
    const delays = this.options.restartDelaysMs;
    const delay = delays[Math.min(this.failedRestarts - 1, delays.length - 1)] ?? 1_000;
    this.setState('restarting');
    this.cancelRestart();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.enqueue(async () => {
        if (this.current || this.closed) return;
        await this.bringUp();
      });
    }, delay);
  }

  private cancelRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  /** Asks the child to flush and exit; kills it if it takes too long. */
  private async haltCurrent(): Promise<void> {
    const running = this.current;
    if (!running) return;
    this.current = null;
    running.planned = true;
    running.child.send({ type: 'stop' });
    const timer = setTimeout(() => {
      this.log('relay-stop-timeout', { pid: running.child.pid });
      running.child.kill();
    }, this.options.stopTimeoutMs);
    await running.exited;
    clearTimeout(timer);
  }

  private setState(state: RelayHostState): void {
    this.state = state;
    // failedRestarts is not reset here: a fresh child counts as a success only once it stays up (onExit).
    if (state === 'running') this.error = undefined;
    this.emit();
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function shareErrorFor(error: unknown, port: number): ShareError {
  if (error instanceof RelayStartError && error.code === 'EADDRINUSE') {
    return new ShareError('PORT_IN_USE', `Port ${port} is already in use by another program; pick another one.`);
  }
  if (error instanceof RelayStartError && error.code === 'EACCES') {
    return new ShareError('PORT_IN_USE', `This system does not let Easel listen on port ${port}; pick another one.`);
  }
  return new ShareError('UNAVAILABLE', `Could not share on the LAN: ${messageOf(error)}`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const describeExit = (exit: ChildExit) =>
  exit.signal ? `signal ${exit.signal}` : exit.code === null ? 'did not start' : `exit code ${exit.code}`;
