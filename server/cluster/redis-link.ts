import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../core/types';

/** Commands held while Redis is away, at most (then they fail): a long outage must not fill memory. */
const MAX_QUEUED_COMMANDS = 10_000;
const CONNECT_TIMEOUT_MS = 3_000;
/** How long the relay waits for Redis at start before it gives up. */
const START_TIMEOUT_MS = 10_000;

export interface RedisLink {
  /** The Socket.IO adapter: room broadcasts and serverSideEmit reach every relay. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** Whether Redis answers now (for /healthz). */
  readonly ready: boolean;
  /** Called each time the connection comes back after it was lost (messages sent meanwhile are gone). */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Connects to Redis for the Socket.IO Redis Streams adapter
 * (docs/ARCHITECTURE.md#several-relays). The client reconnects by itself with
 * a capped backoff; the relay keeps serving its own members meanwhile.
 */
export async function connectRedis(url: string, log: Logger): Promise<RedisLink> {
  const options = {
    url,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  };
  // Publishing fails at once while Redis is away: the adapter broadcasts to this relay's own
  // sockets only after its publish settles, so a queued publish would hold local delivery too.
  const client = createClient({ ...options, disableOfflineQueue: true });
  let ready = false;
  let everReady = false;
  let lastError = '';
  const listeners: (() => void)[] = [];
  client.on('error', (error: Error) => {
    // Logged once per distinct error: a reconnect loop repeats it every backoff.
    if (error.message === lastError) return;
    lastError = error.message;
    log.warn({ err: error.message }, 'redis connection error');
  });
  client.on('ready', () => {
    ready = true;
    lastError = '';
    if (everReady) {
      log.info({}, 'redis connection back');
      for (const listener of listeners) listener();
    }
    everReady = true;
  });
  client.on('end', () => (ready = false));
  client.on('reconnecting', () => (ready = false));

  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw new Error(`Redis ${redactRedisUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  return {
    adapter: createAdapter(
      adapterView(client, () => createClient(options), log),
      {
        streamName: 'easel',
        channelPrefix: 'easel',
        maxLen: 10_000,
      },
    ),
    get ready() {
      return ready && client.isReady;
    },
    onReconnected: (listener) => listeners.push(listener),
    async close() {
      if (client.isOpen) await client.quit().catch(() => client.destroy());
    },
  };
}

/**
 * The client as the adapter sees it. Its readers (XREAD, SUBSCRIBE) are
 * duplicates that wait for Redis to come back (a reader that failed at once
 * would spin). Its PUBLISH (serverSideEmit) promises are never awaited by the
 * adapter, so their failures are logged here instead of crashing the process.
 */
function adapterView<Client extends object>(client: Client, reader: () => unknown, log: Logger): Client {
  const quiet =
    (publish: (...args: unknown[]) => Promise<unknown>) =>
    (...args: unknown[]) =>
      publish(...args).catch((error: unknown) => {
        log.debug({ err: String(error) }, 'redis publish failed');
        return 0;
      });
  return new Proxy(client, {
    get(target, property) {
      if (property === 'duplicate') return reader;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (property === 'publish' || property === 'sPublish')
        return quiet(bound as (...args: unknown[]) => Promise<unknown>);
      return bound;
    },
  });
}

function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://…';
  }
}
