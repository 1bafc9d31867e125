import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-atomic-');
});
afterEach(() => dir.remove());

const bytes = (text: string) => new TextEncoder().encode(text);
const leftovers = async () => (await fs.readdir(dir.path)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('creates a file, then replaces it, leaving no temp files', async () => {
    const file = path.join(dir.path, 'board.easel');
    expect(await writeFileAtomic(file, bytes('first'))).toBe(file);
    expect(await fs.readFile(file, 'utf8')).toBe('first');
    await writeFileAtomic(file, bytes('second, longer'));
    expect(await fs.readFile(file, 'utf8')).toBe('second, longer');
    expect(await leftovers()).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = path.join(dir.path, 'private.easel');
    await fs.writeFile(file, 'old');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, bytes('new'));
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink and keeps the link', async () => {
    const real = path.join(dir.path, 'real.easel');
    const link = path.join(dir.path, 'link.easel');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    expect(await writeFileAtomic(link, bytes('new'))).toBe(await fs.realpath(real));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
  });

  it('refuses to replace a folder and leaves it as it was', async () => {
    const folder = path.join(dir.path, 'folder.easel');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'inside'), 'x');
    await expect(writeFileAtomic(folder, bytes('new'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await fs.readdir(folder)).toEqual(['inside']);
    expect(await leftovers()).toEqual([]);
  });

  it('fails cleanly in a folder that does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir.path, 'nope', 'x.easel'), bytes('x'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('never leaves a mix of two concurrent writes', async () => {
    const file = path.join(dir.path, 'raced.easel');
    const contents = Array.from({ length: 12 }, (_, i) => String(i).repeat(200_000 + i));
    await Promise.all(contents.map((content) => writeFileAtomic(file, bytes(content))));
    expect(contents).toContain(await fs.readFile(file, 'utf8'));
    expect(await leftovers()).toEqual([]);
  });
});

describe('writeFileAtomicSync', () => {
  it('creates and replaces a file before it returns, leaving no temp files', async () => {
    const file = path.join(dir.path, 'window-state.json');
    writeFileAtomicSync(file, bytes('{"x":1}'));
    expect(await fs.readFile(file, 'utf8')).toBe('{"x":1}');
    writeFileAtomicSync(file, bytes('{"x":2,"y":3}'));
    expect(await fs.readFile(file, 'utf8')).toBe('{"x":2,"y":3}');
    expect(await leftovers()).toEqual([]);
  });

  it('throws when it cannot write, keeping the old file and removing its temp file', async () => {
    const file = path.join(dir.path, 'missing-folder', 'window-state.json');
    expect(() => writeFileAtomicSync(file, bytes('{}'))).toThrow(/ENOENT/);
    const target = path.join(dir.path, 'taken');
    await fs.mkdir(target);
    expect(() => writeFileAtomicSync(target, bytes('{}'))).toThrow();
    expect((await fs.stat(target)).isDirectory()).toBe(true);
    expect(await leftovers()).toEqual([]);
  });
});
