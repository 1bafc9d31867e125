import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * The relay under test: `server/cli.ts` as a real child process with file
 * storage (fsync before every ack), exactly as `npm run relay` runs it.
 */
export interface RelayChild {
  readonly url: string;
  readonly pid: number;
  /** Rejects if the relay exits before `stop()` is called. */
  readonly unexpectedExit: Promise<never>;
  stderr(): string;
  /** SIGTERM (the relay flushes and exits 0); SIGKILL after `graceMs`. Resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<number | string>;
}

export interface StartRelayOptions {
  repoRoot: string;
  dataDir: string;
  /** Extra node flags for the relay process (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  timeoutMs?: number;
}

export async function startRelay(options: StartRelayOptions): Promise<RelayChild> {
  const args = [
    ...(options.nodeFlags ?? []),
    '--import',
    'tsx',
    'server/cli.ts',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--data-dir',
    options.dataDir,
    '--log-level',
    'warn',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk.slice(0, 64 * 1024)));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  let stopping = false;
  const unexpectedExit = exited.then((code) => {
    if (stopping) return new Promise<never>(() => undefined);
    throw new Error(`relay exited (${code}) during the benchmark:\n${err}`);
  });
  unexpectedExit.catch(() => undefined); // observed by whoever awaits it

  const timeoutMs = options.timeoutMs ?? 20_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not print "listening on" within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    const look = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      resolve(match[1]);
    };
    child.stdout!.on('data', look);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited (${code}) before listening:\n${out}\n${err}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    unexpectedExit,
    stderr: () => err,
    async stop(graceMs = 15_000) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
