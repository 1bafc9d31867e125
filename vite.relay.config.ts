import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The standalone relay as one ES module (`npm run build:relay` → out/relay/cli.js),
 * with node_modules left external: what the Docker image runs with plain
 * `node`, since tsx is a development dependency.
 */
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  build: {
    ssr: fromRoot('./server/cli.ts'),
    outDir: fromRoot('./out/relay'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'cli.js' } },
  },
});
