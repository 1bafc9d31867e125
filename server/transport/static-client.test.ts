import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RelayProcess, runRelayCli, startRelayProcess } from '../../tests/support/relay-process';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';
import { createRelay, type RelayHandle } from '../relay';
import { precompressDirectory } from '../../build/precompress';
import { acceptedEncodings, CLIENT_SECURITY_HEADERS, WebRootError } from './static-client';

type TempDir = Awaited<ReturnType<typeof tempDir>>;

const INDEX_HTML = '<!doctype html><html><head><title>Easel test client</title></head><body></body></html>\n';
const APP_JS = 'console.log("easel test client");\n';
const SECRET = 'root:x:0:0:secret outside the web root\n';
const SERVICE_WORKER = "self.addEventListener('fetch', () => undefined);\n";

let dataDir: TempDir;
let webRoot: TempDir;
let outside: TempDir;
let relay: RelayHandle;
const processes: RelayProcess[] = [];

beforeEach(async () => {
  dataDir = await tempDir('easel-static-data-');
  webRoot = await tempDir('easel-static-web-');
  outside = await tempDir('easel-static-outside-');
  await writeFile(path.join(webRoot.path, 'index.html'), INDEX_HTML);
  await writeFile(path.join(webRoot.path, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  await writeFile(path.join(webRoot.path, 'notes.secret'), 'not a client file');
  await mkdir(path.join(webRoot.path, 'assets', 'dir.js'), { recursive: true });
  await writeFile(path.join(webRoot.path, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(webRoot.path, 'assets', 'app.css'), 'body{margin:0}');
  await writeFile(path.join(outside.path, 'passwd'), SECRET);
  await symlink(path.join(outside.path, 'passwd'), path.join(webRoot.path, 'assets', 'leak.js'));
  await symlink('app.js', path.join(webRoot.path, 'assets', 'alias.js'));
  relay = await createRelay({ port: 0, dataDir: dataDir.path, webRoot: webRoot.path });
});

afterEach(async () => {
  for (const child of processes.splice(0)) await child.stop(2_000);
  await relay.close();
  for (const dir of [dataDir, webRoot, outside]) await dir.remove();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with the path sent byte for byte (fetch would normalise `..` away before sending). */
function raw(rawPath: string, method = 'GET', target: RelayHandle = relay): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: target.host, port: target.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectJson404(response: RawResponse, label: string): void {
  expect(response.status, label).toBe(404);
  expect(response.headers['content-type'], label).toMatch(/^application\/json/);
  expect(JSON.parse(response.body), label).toEqual({ ok: false, error: 'not found' });
}

describe('the browser client on the relay port', () => {
  it('serves index.html at /, /index.html and /b/<boardId> with no-cache and security headers', async () => {
    for (const route of ['/', '/index.html', '/b/valid-id', '/b/valid-id?name=Ann']) {
      const response = await raw(route);
      expect(response.status, route).toBe(200);
      expect(response.body, route).toBe(INDEX_HTML);
      expect(response.headers['content-type'], route).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], route).toBe('no-cache');
      expect(response.headers['content-security-policy'], route).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
          "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'none'",
      );
      expect(response.headers['x-content-type-options'], route).toBe('nosniff');
      expect(response.headers['referrer-policy'], route).toBe('no-referrer');
      expect(response.headers['x-frame-options'], route).toBe('DENY');
    }
    expect(CLIENT_SECURITY_HEADERS['x-frame-options']).toBe('DENY');
  });

  it('answers 404 JSON for board paths that are not a valid board id', async () => {
    for (const route of ['/b/../x', '/b/bad%2Fid', '/b/bad.id', '/b/', '/b/a/b', `/b/${'x'.repeat(65)}`]) {
      expectJson404(await raw(route), route);
    }
  });

  it('serves /assets/ with a content type and a year of immutable caching', async () => {
    const js = await raw('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const css = await raw('/assets/app.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    // A symlink that stays inside the web root is fine.
    expect((await raw('/assets/alias.js')).body).toBe(APP_JS);
  });

  it('serves other top-level client files with no-cache, and nothing of an unknown type', async () => {
    const icon = await raw('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.headers['cache-control']).toBe('no-cache');
    expectJson404(await raw('/notes.secret'), 'unknown extension');
    expectJson404(await raw('/missing.js'), 'missing top-level file');
    expectJson404(await raw('/assets/missing.js'), 'missing asset');
    expectJson404(await raw('/assets/dir.js'), 'a directory');
  });

  it('serves the service worker and the asset manifest it reads as no-cache scripts and JSON at the root', async () => {
    await writeFile(path.join(webRoot.path, 'sw.js'), SERVICE_WORKER);
    await writeFile(path.join(webRoot.path, 'asset-manifest.json'), '{"index.html":{"file":"assets/app.js"}}');
    const worker = await raw('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.body).toBe(SERVICE_WORKER);
    // A JavaScript MIME type is required to register it; no-cache lets a new build's worker replace the old one.
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['cache-control']).toBe('no-cache');
    // Its scope is `/`, where it is served from: it needs no Service-Worker-Allowed.
    expect(worker.headers['service-worker-allowed']).toBeUndefined();
    // Registering it and its own fetches are same-origin: script-src and connect-src 'self' allow both.
    const csp = worker.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('worker-src');
    const manifest = await raw('/asset-manifest.json');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(manifest.body)).toEqual({ 'index.html': { file: 'assets/app.js' } });
  });

  it('never serves anything outside the web root', async () => {
    const attempts = [
      '/assets/../../etc/passwd',
      '/assets/..%2F..%2Fetc%2Fpasswd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/%252e%252e%252fetc%252fpasswd',
      '/assets/..%5C..%5Cetc%5Cpasswd',
      '/assets\\..\\..\\etc\\passwd',
      '/assets/app.js%00.png',
      '/%2e%2e/%2e%2e/etc/passwd',
      '//etc/passwd',
      '/assets/%E0%A4%A',
      `/assets/..%2F..%2F${path.basename(outside.path)}%2Fpasswd`,
      '/assets/leak.js',
    ];
    for (const attempt of attempts) {
      const response = await raw(attempt);
      expectJson404(response, attempt);
      expect(response.body, attempt).not.toContain('secret');
    }
  });

  it('answers HEAD with the headers and no body, and other methods with 405', async () => {
    const head = await raw('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(head.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const headAsset = await raw('/assets/app.js', 'HEAD');
    expect(headAsset.status).toBe(200);
    expect(headAsset.body).toBe('');
    expect(headAsset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const post = await raw('/b/valid-id', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('keeps /healthz, the JSON 404 and Socket.IO working', async () => {
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await health.json()).toMatchObject({ ok: true });
    expectJson404(await raw('/nope/deeper'), '/nope/deeper');
    const polling = await raw('/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(200);
    expect(polling.body).toMatch(/^0\{"sid":/);
  });

  it('serves nothing but /healthz without a web root', async () => {
    const bare = await createRelay({ port: 0, dataDir: dataDir.path + '-bare' });
    try {
      expectJson404(await raw('/', 'GET', bare), '/');
      expectJson404(await raw('/assets/app.js', 'GET', bare), '/assets/app.js');
    } finally {
      await bare.close();
      await rm(dataDir.path + '-bare', { recursive: true, force: true });
    }
  });
});

/** A GET with request headers, the body kept as bytes (a compressed one is not UTF-8). */
function get(
  rawPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: relay.host, port: relay.port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed and revalidated client files', () => {
  beforeEach(async () => {
    await precompressDirectory(webRoot.path);
    // precompress leaves files under 1 KiB alone: give the script and the page ones of their own.
    await writeFile(path.join(webRoot.path, 'assets', 'app.js.br'), brotliCompressSync(APP_JS));
    await writeFile(path.join(webRoot.path, 'assets', 'app.js.gz'), gzipSync(APP_JS));
    await writeFile(path.join(webRoot.path, 'index.html.br'), brotliCompressSync(INDEX_HTML));
  });

  it('reads Accept-Encoding: Brotli first, then gzip, q=0 refuses one, * takes any', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('sends the Brotli or gzip copy to a browser that takes it, with Vary, and the plain file otherwise', async () => {
    const br = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(br.headers['content-length']).toBe(String(br.body.byteLength));
    const gz = await get('/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    const plain = await get('/assets/app.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(APP_JS);
    // No copy of the stylesheet: the plain one, whatever the browser takes.
    const css = await get('/assets/app.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBeUndefined();
    // A copy is never asked for by name.
    expect((await get('/assets/app.js.br', {})).status).toBe(404);
  });

  it('gives the page a strong ETag per representation and answers a matching If-None-Match with 304', async () => {
    const first = await get('/b/some-board', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get('/b/some-board', { 'accept-encoding': 'br', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    // The plain page is another representation with another tag; a stale tag gets the page.
    const plain = await get('/', { 'if-none-match': etag! });
    expect(plain.status).toBe(200);
    expect(plain.headers.etag).not.toBe(etag);
    expect(plain.body.toString()).toBe(INDEX_HTML);
    // Hashed assets are immutable: no ETag to revalidate.
    expect((await get('/assets/app.js', {})).headers.etag).toBeUndefined();
  });
});

describe('a web root that cannot serve the client', () => {
  it('is refused when the relay starts', async () => {
    const empty = await tempDir('easel-static-empty-');
    try {
      await mkdir(path.join(empty.path, 'dir-index', 'index.html'), { recursive: true });
      await symlink(path.join(outside.path, 'passwd'), path.join(empty.path, 'index.html'));
      const cases: [string, RegExp][] = [
        [path.join(empty.path, 'missing'), /does not exist/],
        [path.join(outside.path, 'passwd'), /not a directory/],
        [outside.path, /no index\.html.*npm run build:web/],
        [path.join(empty.path, 'dir-index'), /no index\.html/],
        [empty.path, /no index\.html/], // index.html is a symlink leading outside
      ];
      for (const [dir, message] of cases) {
        const attempt = createRelay({ port: 0, dataDir: dataDir.path, webRoot: dir });
        await expect(attempt, dir).rejects.toBeInstanceOf(WebRootError);
        await expect(attempt, dir).rejects.toThrow(message);
      }
    } finally {
      await empty.remove();
    }
  });

  it('makes the CLI exit 2 with a clear message, and a good one makes it print the client URL', async () => {
    const refused = await runRelayCli(['--port', '0', '--data-dir', dataDir.path, '--web-root', outside.path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--web-root: web root .* has no index\.html/);
    const started = await startRelayProcess(['--port', '0', '--data-dir', dataDir.path + '-cli'], {
      env: { WEB_ROOT: webRoot.path, LOG_LEVEL: 'silent' },
    });
    processes.push(started);
    await waitFor(() => started.stdout().includes(`open ${started.url}/ in a browser`), 'the client URL line');
    expect(await (await fetch(`${started.url}/b/from-cli`)).text()).toBe(INDEX_HTML);
    await started.stop(5_000);
    await rm(dataDir.path + '-cli', { recursive: true, force: true });
  });
});
