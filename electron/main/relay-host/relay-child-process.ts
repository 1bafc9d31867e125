import { fork } from 'node:child_process';
import type { ParentMessage } from '../../../server/host/messages';

export interface ChildExit {
  code: number | null;
  signal: string | null;
}

/** A running relay child, whatever started it (Electron's utilityProcess, or Node's fork in tests). */
export interface RelayChild {
  readonly pid: number | undefined;
  send(message: ParentMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Fires once, when the process is gone (or could not be started at all). */
  onExit(listener: (exit: ChildExit) => void): void;
  /** Ends it now, without waiting for a flush. */
  kill(): void;
}

/** Takes a relay child's stdout or stderr, when they are pipes, and reads it for as long as it lasts. */
export type ChildOutput = (source: NodeJS.ReadableStream) => void;

export interface RelayChildSpawner {
  fork(modulePath: string, args: readonly string[]): RelayChild;
}

/**
 * Node's child_process.fork: what the tests use with the real relay module
 * (`execArgv: ['--import', 'tsx']` runs it from source). Electron's
 * utilityProcess version is utility-process-spawner.ts. With `output`, the
 * child's stdout and stderr are pipes handed to it, as the app's are;
 * otherwise they are this process's.
 */
export function nodeForkSpawner(
  options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; output?: ChildOutput } = {},
): RelayChildSpawner {
  const stdio = options.output ? 'pipe' : 'inherit';
  return {
    fork(modulePath, args) {
      const child = fork(modulePath, [...args], {
        execArgv: options.execArgv ?? [],
        env: options.env ?? process.env,
        stdio: ['ignore', stdio, stdio, 'ipc'],
        serialization: 'advanced',
      });
      if (options.output && child.stdout && child.stderr) {
        options.output(child.stdout);
        options.output(child.stderr);
      }
      let exited: ChildExit | null = null;
      const exitListeners: ((exit: ChildExit) => void)[] = [];
      const finish = (exit: ChildExit) => {
        if (exited) return;
        exited = exit;
        for (const listener of exitListeners) listener(exit);
      };
      child.once('exit', (code, signal) => finish({ code, signal }));
      child.once('error', () => {
        // A failed spawn emits 'error' without 'exit'; a failed send on a live child is not an exit.
        if (child.pid === undefined) finish({ code: null, signal: null });
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => {
          if (child.connected) child.send(message);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => {
          if (exited) listener(exited);
          else exitListeners.push(listener);
        },
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      };
    },
  };
}
