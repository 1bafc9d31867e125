import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicyPlugin } from './build/content-security-policy';

/**
 * The browser client: the same renderer as the desktop app, built for the relay
 * to serve (`npm run build:web`, then `npm run relay -- --web-root out/web`).
 * `base: '/'` makes asset URLs absolute, so a deep link like `/b/<boardId>`
 * still loads `/assets/…`. The manifest at the root lists the hashed assets of
 * this build for the service worker (renderer/public/sw.js) to keep offline.
 */
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromRoot('./renderer'),
  base: '/',
  plugins: [react(), contentSecurityPolicyPlugin('web')],
  build: {
    outDir: fromRoot('./out/web'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    manifest: 'asset-manifest.json',
  },
});
