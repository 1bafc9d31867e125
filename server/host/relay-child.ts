import pino from 'pino';
import { createRelay, type RelayHandle } from '../relay';
import { type ChildMessage, parentMessageSchema, type RelayChildConfig } from './messages';
import type { ParentChannel } from './parent-channel';

export interface RelayChildRuntime {
  exit(code: number): void;
  /** Where log lines go; stdout (written synchronously) unless a test says otherwise. */
  logDestination?: pino.DestinationStream;
}

/**
 * The embedded relay's process: waits for `start`, runs `createRelay` with
 * that config, reports `ready` (or `failed` and exits 1), forwards the guest
 * count, and on `stop`, SIGTERM or a vanished parent flushes every board and
 * exits 0. One relay per process: the parent starts a new child to change
 * the address or the tokens.
 */
export function runRelayChild(channel: ParentChannel, runtime: RelayChildRuntime): { stop(): Promise<void> } {
  let starting: Promise<RelayHandle | null> | null = null;
  let stopping: Promise<void> | null = null;
  const send = (message: ChildMessage) => channel.send(message);
  // Written synchronously: an asynchronous write still under way when the child exits is lost,
  // and the line lost would be the one saying why the relay failed. The parent reads the pipe as it comes.
  const destination = runtime.logDestination ?? pino.destination({ dest: 1, sync: true });
  let log = pino({ level: 'warn' }, destination);

  const start = async (config: RelayChildConfig): Promise<RelayHandle | null> => {
    log = pino({ level: config.logLevel, base: { pid: process.pid, role: 'relay-child' } }, destination);
    try {
      const relay = await createRelay({
        host: config.host,
        port: config.port,
        dataDir: config.dataDir,
        hostToken: config.hostToken,
        revokePassesAtStart: config.revokePassesAtStart,
        allowedOrigins: config.allowedOrigins,
        webRoot: config.webRoot,
        logger: log,
        onGuestsChange: (count) => void send({ type: 'guests', count }),
      });
      await send({ type: 'ready', url: relay.url, host: relay.host, port: relay.port });
      return relay;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = error instanceof Error ? error.message : String(error);
      log.error({ err: message, code }, 'relay failed to start');
      await send({ type: 'failed', message, ...(typeof code === 'string' && { code }) });
      runtime.exit(1);
      return null;
    }
  };

  const stop = (notify: boolean): Promise<void> => {
    stopping ??= (async () => {
      const relay = await starting;
      try {
        await relay?.close();
        if (notify) await send({ type: 'stopped' });
        runtime.exit(0);
      } catch (error) {
        log.fatal({ err: String(error) }, 'relay failed to stop cleanly');
        runtime.exit(1);
      }
    })();
    return stopping;
  };

  channel.onMessage((raw) => {
    const parsed = parentMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.map((issue) => issue.message) }, 'ignored a malformed message');
      return;
    }
    const message = parsed.data;
    if (message.type === 'start') {
      if (starting || stopping) return log.warn({}, 'ignored a second start');
      starting = start(message.config);
    } else {
      void stop(true);
    }
  });
  channel.onDisconnect(() => void stop(false));
  return { stop: () => stop(false) };
}
