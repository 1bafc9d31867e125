import { existsSync } from 'node:fs';
import { readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir';
import { OpenLogFiles } from './open-log-files';

let dir: Awaited<ReturnType<typeof tempDir>>;

beforeEach(async () => {
  dir = await tempDir('easel-open-logs-');
});
afterEach(() => dir.remove());

/** Descriptors this process holds on files in the test's folder (Linux's /proc). */
async function descriptorsInDir(): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target.startsWith(dir.path)) count += 1;
  }
  return count;
}

async function logFile(name: string) {
  const file = path.join(dir.path, name);
  await writeFile(file, '');
  return { path: file };
}

const append = (files: OpenLogFiles, slot: { path: string }, text: string) =>
  files.use(slot, async (handle) => {
    await handle.write(text);
    await handle.datasync();
  });

describe.skipIf(!existsSync('/proc/self/fd'))('OpenLogFiles', () => {
  it('keeps at most `capacity` files open, closing the least recently used, and loses no write', async () => {
    const files = new OpenLogFiles(3);
    const slots = await Promise.all(Array.from({ length: 10 }, (_, i) => logFile(`log-${i}`)));
    for (let round = 0; round < 3; round++) {
      for (const [i, slot] of slots.entries()) {
        await append(files, slot, `${round}:${i};`);
        expect(files.openCount).toBeLessThanOrEqual(3);
        expect(await descriptorsInDir()).toBeLessThanOrEqual(3);
      }
    }
    for (const [i, slot] of slots.entries()) {
      expect(await readFile(slot.path, 'utf8')).toBe(`0:${i};1:${i};2:${i};`);
    }
    for (const slot of slots) await files.release(slot);
    expect(files.openCount).toBe(0);
    expect(await descriptorsInDir()).toBe(0);
  });

  it('makes a use wait while every open file is in use, never going past capacity', async () => {
    const files = new OpenLogFiles(2);
    const slots = await Promise.all(Array.from({ length: 6 }, (_, i) => logFile(`busy-${i}`)));
    let inUse = 0;
    let most = 0;
    await Promise.all(
      slots.map((slot, i) =>
        files.use(slot, async (handle) => {
          inUse += 1;
          most = Math.max(most, inUse);
          await new Promise((resolve) => setTimeout(resolve, 20));
          await handle.write(`w${i}`);
          inUse -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(files.openCount).toBeLessThanOrEqual(2);
    for (const [i, slot] of slots.entries()) expect(await readFile(slot.path, 'utf8')).toBe(`w${i}`);
  });

  it('keeps a file used again and again open, and reopens one closed meanwhile', async () => {
    const files = new OpenLogFiles(1);
    const a = await logFile('a');
    const b = await logFile('b');
    await append(files, a, 'a1');
    await append(files, a, 'a2');
    expect(await descriptorsInDir()).toBe(1);
    await append(files, b, 'b1');
    await append(files, a, 'a3');
    expect(await readFile(a.path, 'utf8')).toBe('a1a2a3');
    expect(await readFile(b.path, 'utf8')).toBe('b1');
    expect(await descriptorsInDir()).toBe(1);
  });

  it('fails a use whose file vanished instead of creating it, and frees its place', async () => {
    const files = new OpenLogFiles(1);
    const gone = await logFile('gone');
    await rm(gone.path);
    await expect(append(files, gone, 'x')).rejects.toThrow(/ENOENT/);
    expect(existsSync(gone.path)).toBe(false);
    expect(files.openCount).toBe(0);
    const next = await logFile('next');
    await append(files, next, 'ok');
    expect(await readFile(next.path, 'utf8')).toBe('ok');
  });
});
