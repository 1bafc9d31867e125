import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { connectRaw, type RawSocket, request } from '../tests/support/protocol-client';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process';
import { tempDir } from '../tests/support/temp-dir';
import { waitFor } from '../tests/support/wait';

/** A small tmpfs of its own, so the disk can be filled without touching anyone else's. */
function mountTinyDisk(dir: string): string | undefined {
  if (process.platform !== 'linux') return `tmpfs is Linux only (${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.error || mounted.status !== 0) return `mount -t tmpfs failed: ${String(mounted.error ?? mounted.stderr)}`;
  return undefined;
}

/** Writes zeros into `file` until the disk says it is full. */
async function fillDisk(file: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

const sockets: RawSocket[] = [];
let relay: RelayProcess | undefined;
let mountPoint: Awaited<ReturnType<typeof tempDir>> | undefined;
let mounted = false;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await relay?.stop(5_000);
  relay = undefined;
  if (mounted) spawnSync('umount', [mountPoint!.path]);
  mounted = false;
  await mountPoint?.remove();
});

async function joined(url: string, boardId: string) {
  const socket = await connectRaw(url, { v: PROTOCOL_VERSION });
  sockets.push(socket);
  const doc = new Y.Doc();
  const join = async () => {
    const ack = await request<{ ok: boolean; update: ArrayBuffer }>(socket, 'board:join', {
      boardId,
      stateVector: Y.encodeStateVector(doc),
    });
    expect(ack.ok).toBe(true);
    Y.applyUpdate(doc, new Uint8Array(ack.update));
  };
  await join();
  let disconnected = false;
  socket.on('disconnect', () => (disconnected = true));
  const set = (key: string, value: unknown) => {
    const before = Y.encodeStateVector(doc);
    doc.getMap('shapes').set(key, value);
    return request<{ ok: boolean; error?: { code: string } }>(socket, 'board:update', {
      boardId,
      update: Y.encodeStateAsUpdate(doc, before),
    });
  };
  const resend = () => request(socket, 'board:update', { boardId, update: Y.encodeStateAsUpdate(doc) });
  return { socket, doc, join, set, resend, disconnected: () => disconnected };
}

describe('a full disk', () => {
  it('answers the sender UNAVAILABLE on its own connection, and once there is room again it rejoins, resends and nothing is lost', async () => {
    mountPoint = await tempDir('easel-disk-full-');
    const unavailable = mountTinyDisk(mountPoint.path);
    if (unavailable) {
      console.log(`[disk-full] skipped: ${unavailable}`);
      return;
    }
    mounted = true;
    const dataDir = path.join(mountPoint.path, 'data');
    relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir]);
    const alice = await joined(relay.url, 'full');
    const bob = await joined(relay.url, 'full');
    expect(await alice.set('before', 1)).toEqual({ ok: true });

    const filler = path.join(mountPoint.path, 'filler');
    await fillDisk(filler);
    // Larger than the free part of the log's last page, which even a full tmpfs still has.
    const during = 'x'.repeat(32 * 1024);
    const refused = await alice.set('during', during);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(relay.stdout()).toMatch(/ENOSPC/);
    // Bob was told nothing, so he is disconnected to resync; Alice got her answer and stays.
    await waitFor(() => bob.disconnected(), 'bob to be disconnected');
    expect(alice.disconnected()).toBe(false);
    expect(alice.socket.connected).toBe(true);

    await fs.rm(filler);
    await alice.join();
    expect(await alice.resend()).toEqual({ ok: true });
    expect(alice.disconnected()).toBe(false);

    await relay.stop();
    relay = await startRelayProcess(['--port', '0', '--data-dir', dataDir]);
    const reader = await joined(relay.url, 'full');
    expect(reader.doc.getMap('shapes').toJSON()).toEqual({ before: 1, during });
  });
});
