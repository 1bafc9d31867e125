import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { readFileLimited } from './read-limited';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-read-');
});
afterEach(() => dir.remove());

describe('readFileLimited', () => {
  it('reads a file up to the limit, byte for byte', async () => {
    const file = path.join(dir.path, 'a.easel');
    const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    await fs.writeFile(file, content);
    expect(Buffer.from(await readFileLimited(file, 300_000)).equals(content)).toBe(true);
    expect(await readFileLimited(path.join(dir.path, 'a.easel'), 1_000_000)).toHaveLength(300_000);
    const empty = path.join(dir.path, 'empty.easel');
    await fs.writeFile(empty, '');
    expect(await readFileLimited(empty, 10)).toHaveLength(0);
  });

  it('refuses a file over the limit with TOO_LARGE', async () => {
    const file = path.join(dir.path, 'big.easel');
    await fs.writeFile(file, 'x'.repeat(11));
    await expect(readFileLimited(file, 10)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('10 bytes'),
    });
  });

  it('says NOT_FOUND for a missing file and BAD_REQUEST for a folder', async () => {
    await expect(readFileLimited(path.join(dir.path, 'missing.easel'), 10)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(readFileLimited(dir.path, 10)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
