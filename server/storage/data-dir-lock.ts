import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StorageLogger } from './board-files';
import { isErrnoException } from './fs-durable';

export const LOCK_FILE = 'relay.lock';

/**
 * Data dirs locked by this process. The pid in the lock file cannot tell two
 * stores of one process apart, so this set does.
 */
const heldDataDirs = new Set<string>();

/** How long a lock file may stay empty before we call it the remains of a crash. */
const UNWRITTEN_LOCK_GRACE_MS = 100;

/**
 * `<dataDir>/relay.lock`, holding the pid of the relay that owns the data dir:
 * two relays appending to the same logs would corrupt them.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private readonly lockPath: string,
  ) {}

  static async acquire(dataDir: string, log: StorageLogger): Promise<DataDirLock> {
    const resolved = path.resolve(dataDir);
    if (heldDataDirs.has(resolved)) {
      throw new Error(`data dir ${resolved} is in use by pid ${process.pid} (another store in this process)`);
    }
    // Claimed before the first await, so two concurrent acquires in this process cannot both pass.
    heldDataDirs.add(resolved);
    const lockPath = path.join(resolved, LOCK_FILE);
    try {
      await fs.mkdir(resolved, { recursive: true });
      await takeLockFile(resolved, lockPath, log);
    } catch (error) {
      heldDataDirs.delete(resolved);
      throw error;
    }
    return new DataDirLock(resolved, lockPath);
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      await fs.rm(this.lockPath, { force: true });
    } finally {
      heldDataDirs.delete(this.dataDir);
    }
  }
}

async function takeLockFile(dataDir: string, lockPath: string, log: StorageLogger): Promise<void> {
  // A few rounds: between removing a stale lock and creating ours, another
  // starting relay may win the race, and then we must read its pid.
  for (let round = 0; round < 3; round += 1) {
    if (await tryCreateLockFile(lockPath)) return;
    const holder = await readLockHolder(lockPath);
    if (holder === 'gone') continue;
    // Our own pid here is not us (the set above would know): a relay restarted in
    // a container often gets the same pid as the one that died.
    if (holder !== 'unreadable' && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(`data dir ${dataDir} is in use by pid ${holder} (lock file ${lockPath})`);
    }
    log('stale-lock-taken-over', { lockPath, pid: holder });
    await fs.rm(lockPath, { force: true });
  }
  throw new Error(`could not take the lock ${lockPath}: other processes keep taking it`);
}

async function tryCreateLockFile(lockPath: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, 'wx');
  } catch (error) {
    if (isErrnoException(error, 'EEXIST')) return false;
    throw error;
  }
  let written = false;
  try {
    await handle.writeFile(`${process.pid}\n`);
    await handle.sync();
    written = true;
  } finally {
    await handle.close().catch(() => undefined);
    if (!written) await fs.rm(lockPath, { force: true });
  }
  return true;
}

async function readLockHolder(lockPath: string, retried = false): Promise<number | 'unreadable' | 'gone'> {
  let content: string;
  try {
    content = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return 'gone';
    throw error;
  }
  const text = content.trim();
  const pid = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(pid) && pid > 0) return pid;
  // An empty file may be a lock another relay created a moment ago and is
  // about to write its pid into; look again before calling it garbage.
  if (retried) return 'unreadable';
  await sleep(UNWRITTEN_LOCK_GRACE_MS);
  return readLockHolder(lockPath, true);
}

function isProcessAlive(pid: number): boolean {
  try {
    // Signal 0 checks existence without sending anything.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrnoException(error, 'EPERM');
  }
}
