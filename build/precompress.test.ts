import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir';
import { precompressDirectory } from './precompress';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-precompress-');
});
afterEach(async () => dir.remove());

describe('precompressDirectory', () => {
  it('writes .br and .gz beside each text file worth compressing, decoding to the same bytes', async () => {
    const script = 'export const board = "easel";\n'.repeat(200);
    await mkdir(path.join(dir.path, 'assets'));
    await writeFile(path.join(dir.path, 'assets', 'index-abc.js'), script);
    await writeFile(path.join(dir.path, 'index.html'), `<!doctype html>${'<p>board</p>'.repeat(200)}`);
    await writeFile(path.join(dir.path, 'tiny.js'), 'x()');
    await writeFile(path.join(dir.path, 'icon.png'), Buffer.alloc(4096, 7));

    expect(await precompressDirectory(dir.path)).toBe(4);
    const js = path.join(dir.path, 'assets', 'index-abc.js');
    expect(brotliDecompressSync(await readFile(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(await readFile(`${js}.gz`)).toString()).toBe(script);
    expect((await readFile(`${js}.br`)).byteLength).toBeLessThan(script.length / 10);
    // Too small to gain, or not text: left alone.
    expect((await readdir(dir.path)).sort()).toEqual([
      'assets',
      'icon.png',
      'index.html',
      'index.html.br',
      'index.html.gz',
      'tiny.js',
    ]);
  });
});
