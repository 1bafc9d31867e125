import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RelayProcess, runRelayCli, startRelayProcess } from '../../tests/support/relay-process';
import { FileBoardStore } from './file-store';
import { collectingLogger, makeTempDir, removeTempDir } from './test-support';

let dataDir: string;
let lockPath: string;
const relays: RelayProcess[] = [];

beforeEach(async () => {
  dataDir = await makeTempDir();
  lockPath = path.join(dataDir, 'relay.lock');
});

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop(2_000);
  await removeTempDir(dataDir);
});

async function holderOf(file: string): Promise<{ pid: number; host: string; startedAt: string }> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as { pid: number; host: string; startedAt: string };
}

async function startRelay(options: { wrapper?: string[] } = {}): Promise<RelayProcess> {
  const relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir], {
    wrapper: options.wrapper,
    env: { LOG_LEVEL: 'info' },
  });
  relays.push(relay);
  return relay;
}

/** Why a pid-namespace test cannot run here, or undefined when it can. */
function pidNamespaceUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `pid namespaces are Linux only (${process.platform})`;
  if (process.getuid?.() !== 0) return 'unshare --pid needs root';
  const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', 'true'], { timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    return `unshare --pid --fork --mount-proc failed: ${String(probe.error ?? probe.stderr).trim()}`;
  }
  return undefined;
}

describe('the data-dir lock in one process', () => {
  it('writes who holds it into relay.lock and lets go on close, leaving the file', async () => {
    const store = await FileBoardStore.create(dataDir);
    const holder = await holderOf(lockPath);
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(Date.parse(holder.startedAt)).not.toBeNaN();
    await store.close();
    expect(await fs.readFile(lockPath, 'utf8')).toBe('');
    const again = await FileBoardStore.create(dataDir);
    await again.close();
  });

  it('refuses a second store on the same data dir until the first closes', async () => {
    const first = await FileBoardStore.create(dataDir);
    await expect(FileBoardStore.create(dataDir)).rejects.toThrow(`data dir ${dataDir} is in use`);
    await expect(FileBoardStore.create(path.join(dataDir, '.'))).rejects.toThrow(/in use/);
    await first.close();
    const second = await FileBoardStore.create(dataDir);
    await second.close();
  });

  it('is not fooled by an old pid lock file, whatever pid it names (1 is always alive)', async () => {
    for (const pid of ['1', String(process.pid), String(process.ppid)]) {
      await fs.writeFile(lockPath, `${pid}\n`);
      const { logger, events } = collectingLogger();
      const store = await FileBoardStore.create(dataDir, { logger });
      expect(events).toContainEqual({ event: 'legacy-lock-replaced', details: { lockPath, pid: Number(pid) } });
      expect((await holderOf(lockPath)).pid).toBe(process.pid);
      await store.close();
    }
  });
});

describe('the data-dir lock between relay processes', () => {
  it('refuses a second relay on the same data dir with exit code 1, naming the dir and the holder', async () => {
    const first = await startRelay();
    const second = await runRelayCli(['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `easel relay: could not start: data dir ${dataDir} is in use by the relay with pid ${first.pid}, started `,
    );
    expect(second.stderr).toContain('Only one relay may write to a data dir');
    expect(second.stderr).toContain(lockPath);
    // The first one never noticed.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it('starts a relay at once after the previous one was killed with SIGKILL', async () => {
    const first = await startRelay();
    first.child.kill('SIGKILL');
    // Not waiting for the exit to be reaped: the kernel dropped the lock when the process died.
    const second = await startRelay();
    expect(await first.exited).toBe('SIGKILL');
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect((await holderOf(lockPath)).pid).toBe(second.pid);
  });

  it('starts over an old pid lock file saying 1', async () => {
    await fs.writeFile(lockPath, '1\n');
    const relay = await startRelay();
    expect(relay.stdout()).toMatch(/"msg":"legacy-lock-replaced"/);
    expect((await holderOf(lockPath)).pid).toBe(relay.pid);
  });

  const noPidNamespaces = pidNamespaceUnavailable();
  if (noPidNamespaces) console.log(`[data-dir-lock] pid-namespace test skipped: ${noPidNamespaces}`);
  it.skipIf(noPidNamespaces !== undefined)(
    'refuses a second relay in another pid namespace, though both are pid 1 there',
    async () => {
      const inNewPidNamespace = ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child', '--'];
      const first = await startRelay({ wrapper: inNewPidNamespace });
      expect((await holderOf(lockPath)).pid).toBe(1);
      const second = await runRelayCli(['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir], {
        wrapper: inNewPidNamespace,
      });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/in use by the relay with pid 1 in another pid namespace \(pid:\[\d+\]/);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      // And from this namespace too.
      const third = await runRelayCli(['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir]);
      expect(third.code).toBe(1);
      expect(third.stderr).toContain(`data dir ${dataDir} is in use`);
    },
  );
});
