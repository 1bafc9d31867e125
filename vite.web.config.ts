import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicyPlugin } from './build/content-security-policy';
import { OPTIONAL_MODULES_NOT_BUNDLED } from './build/optional-modules';
import { precompressPlugin } from './build/precompress';

/**
 * The browser client: the same renderer as the desktop app, built for the relay
 * to serve (`npm run build:web`, then `npm run relay -- --web-root out/web`).
 * `base: '/'` makes asset URLs absolute, so a deep link like `/b/<boardId>`
 * still loads `/assets/…`. The manifest at the root lists the hashed assets of
 * this build for the service worker (renderer/public/sw.js) to keep offline.
 * Each screen is a chunk of its own (renderer/app/App.tsx), and desktop-only
 * code is loaded on demand, so a board link downloads the board and little else.
 */
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromRoot('./renderer'),
  base: '/',
  // Brotli and gzip copies of every text file, which the relay sends to browsers that accept them.
  plugins: [react(), contentSecurityPolicyPlugin('web'), precompressPlugin()],
  resolve: { alias: OPTIONAL_MODULES_NOT_BUNDLED },
  build: {
    outDir: fromRoot('./out/web'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    manifest: 'asset-manifest.json',
  },
});
