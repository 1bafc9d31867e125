import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the desktop relay child (server/host/child-entry.ts) the way the
 * app ships it: one ES module with node_modules left external. Forking it
 * starts a relay in well under a second, where running the sources through
 * tsx costs seconds per child on a busy machine. The folder sits under
 * node_modules/.cache so the bundle's bare imports resolve.
 */
export async function bundleRelayChild(): Promise<{ modulePath: string; remove: () => Promise<void> }> {
  const cache = path.join(repoRoot, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(path.join(cache, 'easel-relay-child-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'server/host/child-entry.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'relay-child.mjs' } },
    },
  });
  return {
    modulePath: path.join(outDir, 'relay-child.mjs'),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
