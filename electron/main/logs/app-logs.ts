import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { ChildOutput } from '../relay-host/relay-child-process';

export interface AppLogsOptions {
  /** `<userData>/logs`; created when missing. */
  dir: string;
  /** Also write everything to this process's stdout (development, where there is a console). */
  echo: boolean;
  /** Size at which a file is rotated (rotating-file-stream's syntax); 1 MiB. */
  maxSize?: `${number}${'B' | 'K' | 'M'}`;
  /** Rotated files kept per log (name.log.1 … name.log.N); 3. */
  keep?: number;
}

export interface AppLogs {
  /** One JSON line in main.log: what the main process did (relay crashes, mDNS errors, quitting). */
  log(event: string, details?: Record<string, unknown>): void;
  /** Takes the relay child's stdout and stderr (pipes) into relay.log. */
  relayOutput: ChildOutput;
  close(): Promise<void>;
}

/** What may wait in memory for a slow disk, per file; past it, output is dropped (and counted) rather than held. */
const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * The desktop app's log files, `main.log` and `relay.log` under
 * `<userData>/logs`, each rotated at 1 MiB keeping 3 old ones (at most
 * 4 MiB each). The relay child gets pipes instead of this process's stdio:
 * a Windows GUI app has no stdout, and the child's logger would die on its
 * first write (EBADF). Its output is read as it comes and never pushes back:
 * a child blocked on a full pipe would stop serving boards, so a disk that
 * cannot keep up loses log lines instead. A file that cannot be written is
 * given up on with one line on stderr; logging never throws.
 */
export function openAppLogs(options: AppLogsOptions): AppLogs {
  const files = {
    main: new LogFile(options, 'main.log'),
    relay: new LogFile(options, 'relay.log'),
  };
  const echo = (chunk: string | Uint8Array) => {
    if (options.echo) process.stdout.write(chunk);
  };
  return {
    log(event, details = {}) {
      const line = `${JSON.stringify({ time: new Date().toISOString(), event, ...details })}\n`;
      files.main.write(line);
      echo(line);
    },
    relayOutput(source) {
      source.on('data', (chunk: string | Uint8Array) => {
        files.relay.write(chunk);
        echo(chunk);
      });
      // A pipe that breaks as the child dies is not news; the host logs the exit.
      source.on('error', () => undefined);
    },
    close: async () => {
      await Promise.all([files.main.close(), files.relay.close()]);
    },
  };
}

class LogFile {
  private readonly stream: RotatingFileStream;
  private broken = false;
  private closed = false;
  private dropped = 0;

  constructor(
    options: AppLogsOptions,
    private readonly name: string,
  ) {
    this.stream = createStream(name, {
      path: options.dir,
      size: options.maxSize ?? '1M',
      rotate: options.keep ?? 3,
    });
    this.stream.on('error', (error) => {
      if (this.broken) return;
      this.broken = true;
      process.stderr.write(`easel: ${name} cannot be written, so it is left off: ${String(error)}\n`);
    });
  }

  write(chunk: string | Uint8Array): void {
    if (this.broken || this.closed) return;
    if (this.stream.writableLength > MAX_PENDING_BYTES) {
      this.dropped += 1;
      return;
    }
    if (this.dropped > 0) {
      this.stream.write(`${JSON.stringify({ event: 'log-lines-dropped', file: this.name, count: this.dropped })}\n`);
      this.dropped = 0;
    }
    this.stream.write(chunk);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    if (this.broken) return Promise.resolve();
    return new Promise((resolve) => {
      this.stream.once('error', () => resolve());
      this.stream.end(() => resolve());
    });
  }
}
