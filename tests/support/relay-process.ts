import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repoRoot, 'server/cli.ts');

export interface RelayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the process printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** SIGTERM and wait; SIGKILL if it takes longer than `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
}

/**
 * Starts `server/cli.ts` as a real child process (what `npm run relay` runs) and
 * resolves once it printed its `listening on` line.
 */
export async function startRelayProcess(
  args: string[],
  /**
   * `nodeArgs`: flags for node itself, e.g. `--cpu-prof`. `wrapper`: a command that runs node, e.g.
   * `['unshare', '--pid', '--fork', '--']` to start the relay in a new pid namespace.
   */
  options: { timeoutMs?: number; env?: Record<string, string>; nodeArgs?: string[]; wrapper?: string[] } = {},
): Promise<RelayProcess> {
  const nodeArgs = [...(options.nodeArgs ?? []), '--import', 'tsx', cliPath, '--host', '127.0.0.1'];
  const [command, ...commandArgs] = [...(options.wrapper ?? []), process.execPath, ...nodeArgs, ...args];
  const child = spawn(command!, commandArgs, {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not start within ${options.timeoutMs ?? 15_000} ms:\n${out}\n${err}`));
    }, options.timeoutMs ?? 15_000);
    const look = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited (${code}) before listening:\n${out}\n${err}`));
    });
  });

  return {
    url,
    child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs the CLI to completion (for flag errors, --help, and relays that refuse to start). */
export async function runRelayCli(
  args: string[],
  options: { wrapper?: string[] } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, ...commandArgs] = [...(options.wrapper ?? []), process.execPath, '--import', 'tsx', cliPath, ...args];
  const child = spawn(command!, commandArgs, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
