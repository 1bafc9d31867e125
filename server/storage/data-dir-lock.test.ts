import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBoardStore } from './file-store';
import { collectingLogger, makeTempDir, removeTempDir } from './test-support';

let dataDir: string;
let lockPath: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
  lockPath = path.join(dataDir, 'relay.lock');
});

afterEach(async () => {
  await removeTempDir(dataDir);
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not spawn node');
  return child.pid;
}

describe('the data-dir lock', () => {
  it('writes our pid to relay.lock and removes it on close', async () => {
    const store = await FileBoardStore.create(dataDir);
    expect((await fs.readFile(lockPath, 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
    await expect(fs.access(lockPath)).rejects.toThrow();
  });

  it('refuses a second store on the same data dir in this process until the first closes', async () => {
    const first = await FileBoardStore.create(dataDir);
    await expect(FileBoardStore.create(dataDir)).rejects.toThrow(`in use by pid ${process.pid}`);
    await expect(FileBoardStore.create(path.join(dataDir, '.'))).rejects.toThrow(/in use/);
    await first.close();
    const second = await FileBoardStore.create(dataDir);
    await second.close();
  });

  it('refuses a data dir locked by another live process and leaves its lock alone', async () => {
    const otherPid = process.ppid;
    await fs.writeFile(lockPath, `${otherPid}\n`);
    await expect(FileBoardStore.create(dataDir)).rejects.toThrow(`data dir ${dataDir} is in use by pid ${otherPid}`);
    expect(await fs.readFile(lockPath, 'utf8')).toBe(`${otherPid}\n`);
  });

  it('takes over a lock left by a dead process', async () => {
    const stalePid = deadPid();
    await fs.writeFile(lockPath, `${stalePid}\n`);
    const { logger, events } = collectingLogger();
    const store = await FileBoardStore.create(dataDir, { logger });
    expect((await fs.readFile(lockPath, 'utf8')).trim()).toBe(String(process.pid));
    expect(events).toContainEqual({ event: 'stale-lock-taken-over', details: { lockPath, pid: stalePid } });
    await store.close();
  });

  it('takes over a lock file holding no pid', async () => {
    await fs.writeFile(lockPath, '');
    const store = await FileBoardStore.create(dataDir);
    expect((await fs.readFile(lockPath, 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });
});
