import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Compresses the browser client at build time: next to every text file of
 * the build (script, style, HTML, JSON, SVG; and TrueType fonts, which shrink by
 * about half) of at least MIN_BYTES it writes
 * `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip, level 9), each only
 * when it is smaller than the file. The relay sends one of them to a browser
 * that accepts it (server/transport/static-client.ts), so no request pays for
 * compressing, and Brotli's slowest, smallest setting costs nothing at serve time.
 */
export const PRECOMPRESSED_EXTENSIONS = [
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.svg',
  '.txt',
  '.webmanifest',
  '.ttf',
];
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes the .br and .gz of every compressible file under `dir`; returns how many it wrote. */
export async function precompressDirectory(dir: string): Promise<number> {
  let written = 0;
  for await (const file of filesUnder(dir)) {
    if (!PRECOMPRESSED_EXTENSIONS.includes(path.extname(file).toLowerCase())) continue;
    if ((await stat(file)).size < MIN_BYTES) continue;
    const body = await readFile(file);
    const variants: [string, Buffer][] = [
      [
        '.br',
        await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        }),
      ],
      ['.gz', await gzipAsync(body, { level: constants.Z_BEST_COMPRESSION })],
    ];
    for (const [suffix, compressed] of variants) {
      if (compressed.byteLength >= body.byteLength) continue;
      await writeFile(file + suffix, compressed);
      written++;
    }
  }
  return written;
}

/** The Vite plugin: runs once the bundle (and the public/ files) are written. */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'easel-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
