/* global self */
/**
 * Easel's service worker: keeps the browser client's app shell, so a board page
 * reloads while the relay that serves it is down (the board's content comes
 * from IndexedDB, renderer/local/board-store.ts). Vite copies this file to the
 * root of the web build; the relay serves it as /sw.js with no-cache.
 *
 * - Navigations to the app (`/`, `/index.html`, `/b/<boardId>`): network first,
 *   so a new build takes effect at once. The cached index.html (every route is
 *   the same page) answers when the network fails or is slower than
 *   NAVIGATION_TIMEOUT_MS.
 * - `/assets/…`: their names carry a content hash, so cache first; whatever the
 *   page fetches is kept.
 * - On install, and after each navigation the network answered, the assets the
 *   build lists in /asset-manifest.json (so also chunks the page has not loaded
 *   yet) are fetched ahead, the new index.html is kept only once they all are,
 *   and assets of older builds are dropped. Nothing is listed here by hand.
 * - Everything else (Socket.IO, /healthz, other files, other origins, non-GET
 *   requests) goes to the network untouched.
 */

/** Bump when the caching scheme changes; older caches are deleted on activate. */
const CACHE = 'easel-shell-v1';
const CACHE_PREFIX = 'easel-shell-';
/** Every app route is this one page, kept under one key (and without any ?t= token). */
const SHELL_PATH = '/';
const MANIFEST_PATH = '/asset-manifest.json';
const ASSETS_PREFIX = '/assets/';
/** A navigation the network has not answered by then gets the cached page (ms). */
const NAVIGATION_TIMEOUT_MS = 4_000;
/** `/`, `/index.html`, `/b/<boardId>` (board ids as in shared/protocol). */
const APP_ROUTE = /^\/(?:index\.html|b\/[A-Za-z0-9_-]{1,64})?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    self.caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => self.caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && APP_ROUTE.test(url.pathname)) event.respondWith(appPage(event));
  else if (url.pathname.startsWith(ASSETS_PREFIX)) event.respondWith(asset(event));
});

async function appPage(event) {
  const network = self.fetch(event.request);
  // Cloned as soon as it arrives, before the page starts reading the body.
  event.waitUntil(network.then((response) => (response.ok ? keepShell(response.clone()) : undefined)).catch(noop));
  const cached = await self.caches.match(SHELL_PATH, { cacheName: CACHE });
  if (!cached) return network;
  return Promise.race([network.catch(() => cached), delay(NAVIGATION_TIMEOUT_MS).then(() => cached)]);
}

async function asset(event) {
  const cache = await self.caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await self.fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()).catch(noop));
  return response;
}

/**
 * Caches the build's assets and then `page` (index.html, fetched if not given),
 * so the cached page never names an asset that is not cached; then drops the
 * assets the build no longer lists. Rejects when the page or manifest cannot be
 * fetched, which fails the install: better no offline copy than a broken one.
 */
async function keepShell(page) {
  const [html, manifest] = await Promise.all([
    page ?? fetchOk(SHELL_PATH, 'no-cache'),
    fetchOk(MANIFEST_PATH, 'no-cache'),
  ]);
  const wanted = assetPaths(await manifest.json());
  const cache = await self.caches.open(CACHE);
  const cachedPaths = (await cache.keys()).map((request) => new URL(request.url).pathname);
  const missing = wanted.filter((path) => !cachedPaths.includes(path));
  await Promise.all(missing.map(async (path) => cache.put(path, await fetchOk(path, 'default'))));
  await cache.put(SHELL_PATH, html);
  const stale = cachedPaths.filter((path) => path.startsWith(ASSETS_PREFIX) && !wanted.includes(path));
  await Promise.all(stale.map((path) => cache.delete(path)));
}

/** Every asset file named in a Vite manifest (`{ [src]: { file, css?, assets? } }`). */
function assetPaths(manifest) {
  const files = new Set();
  for (const chunk of Object.values(manifest ?? {})) {
    for (const file of [chunk?.file, ...(chunk?.css ?? []), ...(chunk?.assets ?? [])]) {
      if (typeof file === 'string' && file.startsWith('assets/')) files.add(`/${file}`);
    }
  }
  return [...files];
}

/** `no-cache` for the page and manifest (they change with every build); hashed assets may come from the HTTP cache. */
async function fetchOk(path, cacheMode) {
  const response = await self.fetch(path, { cache: cacheMode });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function noop() {}
