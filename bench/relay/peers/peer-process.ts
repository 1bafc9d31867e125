import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../tests/support/free-port';

/** The peers `bench:relay -- --against` can compare Easel with, each in its default in-memory configuration. */
export const PEERS = ['hocuspocus', 'y-websocket'] as const;
export type Peer = (typeof PEERS)[number];

export interface PeerProcess {
  readonly url: string;
  readonly pid: number;
  /** Rejects if the peer exits before `stop()`. */
  readonly failed: Promise<never>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

/** The command that starts a peer on `port`, and the line it prints once it listens. */
function commandFor(peer: Peer, port: number): { args: string[]; env: Record<string, string>; ready: RegExp } {
  if (peer === 'hocuspocus') {
    return {
      args: ['--import', 'tsx', path.join(here, 'hocuspocus-server.ts'), String(port)],
      env: {},
      ready: /^listening on/m,
    };
  }
  // y-websocket's own server script (the package's `bin`), as its README runs it.
  const script = createRequire(import.meta.url).resolve('@y/websocket-server/package.json');
  return {
    args: [path.join(path.dirname(script), 'src/server.js')],
    env: { HOST: '127.0.0.1', PORT: String(port) },
    ready: /^running at/m,
  };
}

export async function startPeer(peer: Peer, timeoutMs = 15_000): Promise<PeerProcess> {
  const port = await freePort();
  const { args, env, ready } = commandFor(peer, port);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => String(code ?? signal));
  let stopping = false;
  const failed = exited.then((code) => {
    if (stopping) return new Promise<never>(() => undefined);
    throw new Error(`${peer} exited (${code}):\n${output.slice(-2000)}`);
  });
  failed.catch(() => undefined); // observed by whoever awaits it
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${peer} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const look = () => {
      if (!ready.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', look);
    failed.catch((error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    failed,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
