import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir';
import { storedZip } from '../tests/support/zip';
import { platformExecutable } from './electron-install/install-plan';

/**
 * scripts/ensure-electron.ts as `npm start` runs it, in a stand-in project
 * whose node_modules/electron is a copy of the real package (its own
 * install.js and @electron/get), so nothing here touches the repository's
 * Electron. Downloads go to real sockets: a name that never resolves, a
 * server that never answers, and a local mirror reached through a proxy.
 */
const repoRoot = path.resolve(import.meta.dirname, '..');
const script = path.join(repoRoot, 'scripts/ensure-electron.ts');
const repoModules = path.join(repoRoot, 'node_modules');
const electronVersion = (
  JSON.parse(readFileSync(path.join(repoModules, 'electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const executableName = platformExecutable(process.platform);
const artifact = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
/** RFC 6761: .invalid never resolves, on any network. */
const UNRESOLVABLE_MIRROR = 'http://electron-mirror.invalid/';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The folder of the package `name` as `from` (a package.json) resolves it. */
function packageDir(name: string, from: string): string {
  let dir = path.dirname(createRequire(from).resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || !dir.endsWith(path.join('node_modules', name))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package folder for ${name}`);
    dir = parent;
  }
  return dir;
}

/** Links a package of the repository into the stand-in's node_modules, where the stand-in resolves it. */
async function linkPackage(modules: string, name: string, from: string): Promise<void> {
  await mkdir(path.dirname(path.join(modules, name)), { recursive: true });
  await symlink(packageDir(name, from), path.join(modules, name), 'junction');
}

interface StandInProject {
  dir: string;
  electronDir: string;
  cache: string;
}

async function standInProject(): Promise<StandInProject> {
  const temp = await tempDir('easel-ensure-electron-');
  cleanups.push(temp.remove);
  const dir = path.join(temp.path, 'app');
  const modules = path.join(dir, 'node_modules');
  const electronDir = path.join(modules, 'electron');
  await mkdir(electronDir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) {
    await copyFile(path.join(repoModules, 'electron', file), path.join(electronDir, file));
  }
  // What electron/install.js requires, as the real package resolves it; and what the script runs.
  const fromElectron = path.join(repoModules, 'electron/package.json');
  for (const name of ['@electron/get', '@electron-internal/extract-zip'])
    await linkPackage(modules, name, fromElectron);
  for (const name of ['electron-vite', 'tsx']) await linkPackage(modules, name, path.join(repoRoot, 'package.json'));
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'stand-in-app', private: true, main: 'main.cjs' }),
  );
  // What the stand-in Electron (a copy of node) runs when electron-vite starts it as `electron .`.
  await writeFile(
    path.join(dir, 'main.cjs'),
    "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'launched.json'), JSON.stringify(process.argv.slice(2)));\n",
  );
  return { dir, electronDir, cache: path.join(temp.path, 'electron-cache') };
}

/** A folder holding a "build of Electron" that is really node: enough to be launched and to run main.cjs. */
async function standInDist(parent: string): Promise<string> {
  const dist = path.join(parent, 'electron-dist');
  const executable = path.join(dist, executableName);
  await mkdir(path.dirname(executable), { recursive: true });
  if (process.platform === 'win32') {
    await link(process.execPath, executable).catch(() => copyFile(process.execPath, executable));
  } else {
    await symlink(process.execPath, executable);
  }
  return dist;
}

/** The environment of a fresh shell: no proxy, mirror or override from this machine leaks into a test. */
function cleanEnv(project: StandInProject, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(https?_proxy|no_proxy|all_proxy|electron_.*|npm_(package_)?config_.*|easel_.*)$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, electron_config_cache: project.cache, ...extra };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

async function ensureElectron(project: StandInProject, env: Record<string, string>, args: string[] = []): Promise<Run> {
  const started = performance.now();
  const tsx = pathToFileURL(path.join(repoModules, 'tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, script, ...args], { cwd: project.dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr, elapsedMs: performance.now() - started };
}

/** One paragraph: no blank line, no stack frame. */
function expectOneParagraph(text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text.trim()).not.toMatch(/\n\s*\n/);
  expect(text).not.toMatch(/^\s+at /m);
}

/** A TCP server that accepts connections and never answers: a download that hangs. */
async function silentServer(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, 'close');
  });
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`, connections: () => connections };
}

/**
 * A local mirror of one Electron release that is also an HTTP proxy (CONNECT
 * tunnels end in the same server), recording every request and tunnel.
 */
async function mirrorBehindProxy(customDir: string, zip: Buffer) {
  const requests: string[] = [];
  const tunnels: string[] = [];
  const sha = createHash('sha256').update(zip).digest('hex');
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(pathname);
    if (pathname === `/${customDir}/${artifact}`) {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length }).end(zip);
    } else if (pathname === `/${customDir}/SHASUMS256.txt`) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`${sha} *${artifact}\n`);
    } else {
      response.writeHead(404).end('not on this mirror');
    }
  });
  server.on('connect', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    server.emit('connection', socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const close = async () => {
    server.closeAllConnections();
    if (server.listening) {
      server.close();
      await once(server, 'close');
    }
  };
  cleanups.push(close);
  return { proxy: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, requests, tunnels, close };
}

/** Whether Electron's real download host resolves here (it does not on a machine with no internet). */
const githubResolves = await lookup('github.com').then(
  () => true,
  () => false,
);

describe('ensure-electron', () => {
  // The very command a new user runs, with the default mirror; where the internet is there it would really download.
  it.skipIf(githubResolves)('offline, with no settings at all, says so in one paragraph within seconds', async () => {
    const project = await standInProject();
    const run = await ensureElectron(project, cleanEnv(project), ['electron-vite', 'preview']);
    expect(run.code).toBe(1);
    expect(run.elapsedMs).toBeLessThan(20_000);
    expectOneParagraph(run.stderr);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      `Could not download Electron ${electronVersion}, which the desktop app runs in, from https://github.com/electron/electron/releases/download/: github.com could not be found`,
    );
    expect(run.stdout).toContain(`Electron ${electronVersion} is not installed yet`);
  });

  it('where the download host cannot be found, ends in seconds with one paragraph and exit code 1', async () => {
    const project = await standInProject();
    const run = await ensureElectron(project, cleanEnv(project, { ELECTRON_MIRROR: UNRESOLVABLE_MIRROR }), [
      'electron-vite',
      'preview',
    ]);
    expect(run.code).toBe(1);
    expect(run.elapsedMs).toBeLessThan(20_000);
    expectOneParagraph(run.stderr);
    const message = run.stderr.replace(/\s+/g, ' ');
    expect(message).toContain(`Could not download Electron ${electronVersion}`);
    expect(message).toContain(`from ${UNRESOLVABLE_MIRROR}: electron-mirror.invalid could not be found`);
    for (const fix of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'ELECTRON_OVERRIDE_DIST_PATH', '`npm run web`']) {
      expect(message).toContain(fix);
    }
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
    expect(existsSync(path.join(project.dir, 'launched.json'))).toBe(false);
  });

  it('where the download server never answers, gives up after the answer limit, not minutes later', async () => {
    const project = await standInProject();
    const silent = await silentServer();
    const env = cleanEnv(project, { ELECTRON_MIRROR: silent.url, EASEL_ELECTRON_TIMEOUT_SECONDS: '2' });
    const run = await ensureElectron(project, env);
    expect(run.code).toBe(1);
    expect(silent.connections()).toBeGreaterThan(0);
    expect(run.elapsedMs).toBeLessThan(30_000);
    expectOneParagraph(run.stderr);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(`${new URL(silent.url).host} did not answer within 2 s`);
  });

  it('where the proxy never answers, gives up after the answer limit too', async () => {
    const project = await standInProject();
    const silentProxy = await silentServer();
    const proxy = silentProxy.url.replace(/\/$/, '');
    const env = cleanEnv(project, {
      ELECTRON_MIRROR: UNRESOLVABLE_MIRROR,
      HTTP_PROXY: proxy,
      EASEL_ELECTRON_TIMEOUT_SECONDS: '2',
    });
    const run = await ensureElectron(project, env);
    expect(run.code).toBe(1);
    expect(silentProxy.connections()).toBeGreaterThan(0);
    expect(run.elapsedMs).toBeLessThan(30_000);
    expectOneParagraph(run.stderr);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      `electron-mirror.invalid (or the proxy ${proxy} on the way) did not answer within 2 s`,
    );
  });

  it('downloads from ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR through HTTP_PROXY once, and later runs stay offline', async () => {
    const project = await standInProject();
    const zip = storedZip([
      { name: executableName, data: Buffer.from('stand-in electron'), mode: 0o755 },
      { name: 'version', data: Buffer.from(`v${electronVersion}`) },
    ]);
    const mirror = await mirrorBehindProxy('easel-test-builds', zip);
    const env = cleanEnv(project, {
      ELECTRON_MIRROR: UNRESOLVABLE_MIRROR,
      ELECTRON_CUSTOM_DIR: 'easel-test-builds',
      HTTP_PROXY: mirror.proxy,
      // The stand-in zip is not the release checksums.json knows: take the mirror's SHASUMS256.txt.
      electron_use_remote_checksums: '1',
    });
    const first = await ensureElectron(project, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(mirror.tunnels).toContain('electron-mirror.invalid:80');
    expect(mirror.requests).toContain(`/easel-test-builds/${artifact}`);
    expect(await readFile(path.join(project.electronDir, 'path.txt'), 'utf8')).toBe(executableName);
    const executable = path.join(project.electronDir, 'dist', executableName);
    expect(await readFile(executable, 'utf8')).toBe('stand-in electron');
    expect(first.stdout).toContain(`Electron is ready: ${executable}`);

    await mirror.close();
    const requestsBefore = mirror.requests.length;
    const again = await ensureElectron(project, env);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(`Electron is ready: ${executable}`);
    expect(mirror.requests.length).toBe(requestsBefore);
  });

  it('launches electron-vite with the Electron in ELECTRON_OVERRIDE_DIST_PATH, without a download', async () => {
    const project = await standInProject();
    const silent = await silentServer();
    const dist = await standInDist(path.dirname(project.dir));
    const env = cleanEnv(project, { ELECTRON_MIRROR: silent.url, ELECTRON_OVERRIDE_DIST_PATH: dist });
    const run = await ensureElectron(project, env, ['electron-vite', 'preview', '--skipBuild']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(silent.connections()).toBe(0);
    // electron-vite started `<override>/electron .`, which ran the stand-in project's main.
    expect(JSON.parse(await readFile(path.join(project.dir, 'launched.json'), 'utf8'))).toEqual([]);
  });

  it('explains an ELECTRON_OVERRIDE_DIST_PATH with no Electron in it instead of downloading', async () => {
    const project = await standInProject();
    const silent = await silentServer();
    const empty = path.join(path.dirname(project.dir), 'no-electron-here');
    const run = await ensureElectron(
      project,
      cleanEnv(project, { ELECTRON_MIRROR: silent.url, ELECTRON_OVERRIDE_DIST_PATH: empty }),
    );
    expect(run.code).toBe(1);
    expect(silent.connections()).toBe(0);
    expectOneParagraph(run.stderr);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${empty}, but there is no Electron at ${path.join(empty, executableName)}.`,
    );
  });

  it('refuses a command other than electron-vite with its usage and exit code 2', async () => {
    const project = await standInProject();
    const run = await ensureElectron(project, cleanEnv(project), ['rm', '-rf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: ensure-electron.ts [electron-vite <args>...]');
  });
});
