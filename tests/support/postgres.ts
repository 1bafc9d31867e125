import { type ChildProcess, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { engineMissing, spawnEngine, stopEngine } from './engines';
import { freePort } from './free-port';

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why PostgreSQL tests skip here (undefined: they run). Throws under CI=true when the engine is missing. */
export const postgresMissing = engineMissing(
  'PostgreSQL',
  [path.join(BIN, 'initdb'), path.join(BIN, 'postgres')],
  'apt-get install postgresql-15, or set POSTGRES_BIN',
);

export interface PostgresEngine {
  readonly port: number;
  /** A new empty database on this cluster, as a `postgres://` URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A throwaway PostgreSQL 15 cluster: initdb in a temp dir, one server on a
 * free loopback port, its unix socket in that dir, trust auth for user easel.
 * initdb refuses to run as root, so as root the engine runs as `postgres`.
 */
export async function startPostgres(): Promise<PostgresEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easel-pg-'));
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, 'data');
  execFileSync(
    path.join(BIN, 'initdb'),
    ['-D', dataDir, '-U', 'easel', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { stdio: 'pipe', ...owner },
  );
  const port = await freePort();
  let server: ChildProcess | undefined;
  let databases = 0;

  const serverArgs = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
  ];
  const start = async () => {
    server = await spawnEngine({
      name: 'PostgreSQL',
      command: path.join(BIN, 'postgres'),
      args: serverArgs,
      options: { ...owner },
      readyOn: 'stderr',
      readyLine: 'ready to accept connections',
      timeoutMs: 30_000,
      pollMs: 50,
    });
  };
  const stop = async () => {
    const child = server;
    server = undefined;
    await stopEngine(child, 'SIGINT'); // fast shutdown: aborts sessions, as an outage would
  };
  await start();
  return {
    port,
    async createDatabase() {
      const name = `easel_${++databases}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'easel', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://easel@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
