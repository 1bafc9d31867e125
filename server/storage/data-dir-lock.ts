/**
 * One relay per data dir: two relays appending to the same logs would lose
 * acknowledged writes (one compacts away what the other appended).
 *
 * The lock is an operating-system lock on `<dataDir>/relay.lock`, held on an
 * open file for as long as the relay runs: an open-file-description lock
 * (fcntl F_OFD_SETLK) on Linux, flock on macOS, LockFileEx on Windows, through
 * `fs-native-extensions` (prebuilt N-API binaries inside the npm package: no
 * install script, no compiler, nothing downloaded; N-API so Electron loads the
 * same binary). Why this and not the alternatives:
 *
 * - The kernel releases it when the holder dies, however it dies (kill -9, a
 *   crash, the container stopped), so a relay restarted at once starts; nothing
 *   has to judge whether a lock is stale.
 * - It belongs to the file, not to a pid: two relays in two containers sharing
 *   a volume (both pid 1), or a pid reused after a reboot, cannot confuse it.
 *   The old pid file could be fooled by both (issue 11, finding 4).
 * - Network file systems (NFS, SMB) pass these locks to the server, so two
 *   machines sharing a data dir are kept apart too. A Unix socket or a named
 *   pipe bound to the dir is only seen by one kernel, has path-length limits,
 *   and taking over a dead one's path races with other starting relays.
 * - A mkdir/mtime lock (proper-lockfile) is only released by a timeout, and
 *   os-lock / fs-ext compile C at install time (and on every CI OS).
 *
 * The lock covers one byte far past the file's content, so Windows (whose
 * locks are mandatory) still lets a refused relay read who holds the dir. The
 * file itself is never deleted: deleting it would let a newcomer lock a fresh
 * file of the same name while someone still holds the old one. After locking,
 * the path is checked to still name the locked file for the same reason.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StorageLogger } from './board-files';
import { errorMessage, isErrnoException } from './fs-durable';

export const LOCK_FILE = 'relay.lock';

/** Where the locked byte is: far past any content, so the holder's description stays readable everywhere. */
const LOCKED_BYTE_OFFSET = 2 ** 30;
/** Holder descriptions longer than this are not ours; read no more of a file someone else wrote. */
const MAX_HOLDER_BYTES = 4096;

/** Data dirs locked by this process: the OS lock cannot tell two stores of one process apart on every OS. */
const heldDataDirs = new Set<string>();

/** What the holder writes into relay.lock, so a refused relay can say who holds the dir. */
interface Holder {
  pid: number;
  host: string;
  /** Linux: `pid:[inode]`, so a pid seen in another namespace (a container) is recognisable. */
  pidNamespace?: string;
  startedAt: string;
}

/** Another relay holds the data dir. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

type TryLock = (fd: number, offset: number, length: number) => boolean;

export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async acquire(dataDir: string, log: StorageLogger): Promise<DataDirLock> {
    const resolved = path.resolve(dataDir);
    if (heldDataDirs.has(resolved)) {
      throw new DataDirInUseError(resolved, `data dir ${resolved} is in use by another store of this relay process`);
    }
    // Claimed before the first await, so two concurrent acquires in this process cannot both pass.
    heldDataDirs.add(resolved);
    try {
      const tryLock = await loadTryLock();
      await fs.mkdir(resolved, { recursive: true });
      const handle = await lockFile(resolved, tryLock, log);
      return new DataDirLock(resolved, handle);
    } catch (error) {
      heldDataDirs.delete(resolved);
      throw error;
    }
  }

  /** Lets go of the lock (closing the file is what releases it). The file stays, empty. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      await this.handle.truncate(0).catch(() => undefined);
      await this.handle.close();
    } finally {
      heldDataDirs.delete(this.dataDir);
    }
  }
}

async function lockFile(dataDir: string, tryLock: TryLock, log: StorageLogger): Promise<fs.FileHandle> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  // A few rounds: someone may replace the file between our open and our lock.
  for (let round = 0; round < 3; round += 1) {
    const handle = await fs.open(lockPath, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
    let keep = false;
    try {
      if (!lockByte(tryLock, handle.fd)) {
        throw new DataDirInUseError(dataDir, await inUseMessage(dataDir, lockPath));
      }
      if (!(await stillNames(lockPath, handle))) continue;
      const previous = await readHolderText(handle);
      if (/^\d+$/.test(previous.trim())) {
        // A pid file from a relay before this lock existed: nobody holds the OS lock, so it is only a leftover.
        log('legacy-lock-replaced', { lockPath, pid: Number(previous.trim()) });
      }
      await describeHolder(handle);
      keep = true;
      return handle;
    } finally {
      if (!keep) await handle.close().catch(() => undefined);
    }
  }
  throw new Error(`could not lock ${lockPath}: the file keeps being replaced`);
}

/** True when we now hold the lock, false when another process does. */
function lockByte(tryLock: TryLock, fd: number): boolean {
  try {
    return tryLock(fd, LOCKED_BYTE_OFFSET, 1);
  } catch (error) {
    // Linux may say EACCES for a held lock, Windows says the region is locked (EBUSY).
    if (['EAGAIN', 'EACCES', 'EBUSY', 'EWOULDBLOCK'].some((code) => isErrnoException(error, code))) return false;
    throw error;
  }
}

async function stillNames(lockPath: string, handle: fs.FileHandle): Promise<boolean> {
  const [locked, named] = await Promise.all([handle.stat(), fs.stat(lockPath).catch(() => null)]);
  return named !== null && named.ino === locked.ino && named.dev === locked.dev;
}

async function describeHolder(handle: fs.FileHandle): Promise<void> {
  const holder: Holder = {
    pid: process.pid,
    host: os.hostname(),
    pidNamespace: await ownPidNamespace(),
    startedAt: new Date().toISOString(),
  };
  await handle.truncate(0);
  await handle.write(`${JSON.stringify(holder)}\n`, 0);
}

async function readHolderText(handle: fs.FileHandle): Promise<string> {
  const buffer = Buffer.alloc(MAX_HOLDER_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, MAX_HOLDER_BYTES, 0);
  return buffer.subarray(0, bytesRead).toString('utf8');
}

async function inUseMessage(dataDir: string, lockPath: string): Promise<string> {
  const holder = parseHolder(await fs.readFile(lockPath, 'utf8').catch(() => ''));
  const who = holder ? await describe(holder) : 'another relay (it has not written who it is yet)';
  return (
    `data dir ${dataDir} is in use by ${who}. Only one relay may write to a data dir: ` +
    `stop that relay, or start this one with another --data-dir. ` +
    `(The operating system holds the lock on ${lockPath} for that relay and releases it when it exits.)`
  );
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text.slice(0, MAX_HOLDER_BYTES)) as Partial<Holder> | null;
    if (typeof value?.pid !== 'number' || typeof value.host !== 'string' || typeof value.startedAt !== 'string') {
      return undefined;
    }
    const pidNamespace = typeof value.pidNamespace === 'string' ? value.pidNamespace : undefined;
    return { pid: value.pid, host: value.host.slice(0, 200), pidNamespace, startedAt: value.startedAt.slice(0, 40) };
  } catch {
    return undefined;
  }
}

async function describe(holder: Holder): Promise<string> {
  const ours = await ownPidNamespace();
  const elsewhere =
    holder.host !== os.hostname()
      ? ` on host ${holder.host}`
      : holder.pidNamespace !== undefined && ours !== undefined && holder.pidNamespace !== ours
        ? ` in another pid namespace (${holder.pidNamespace}: a container?)`
        : '';
  return `the relay with pid ${holder.pid}${elsewhere}, started ${holder.startedAt}`;
}

async function ownPidNamespace(): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  return fs.readlink('/proc/self/ns/pid').catch(() => undefined);
}

async function loadTryLock(): Promise<TryLock> {
  try {
    const { tryLock } = await import('fs-native-extensions');
    return (fd, offset, length) => tryLock(fd, offset, length);
  } catch (error) {
    throw new Error(
      `no file locking on ${process.platform}-${process.arch} (fs-native-extensions: ${errorMessage(error)}); ` +
        'the relay will not write to a data dir it cannot lock',
      { cause: error },
    );
  }
}
