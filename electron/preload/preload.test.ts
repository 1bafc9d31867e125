import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../shared/desktop/channels';

/**
 * The preload as it ships: bundled to one CommonJS file (as electron.vite.config
 * does) and run the way a sandboxed preload runs, where `require` knows only
 * `electron`. Electron itself cannot run here, so its two objects the preload
 * touches are stood in for by recorders: what the page would get from
 * contextBridge, and what would go over ipcRenderer.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundle: string;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'easel-preload-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'electron/preload/index.ts'),
      outDir,
      minify: false,
      rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  });
  bundle = await readFile(path.join(outDir, 'index.cjs'), 'utf8');
}, 30_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

type Listener = (event: unknown, payload: unknown) => void;

function runPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => {
        invoked.push({ channel, payload });
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle, {
    require: sandboxRequire,
    module,
    exports: module.exports,
    process: { platform: 'linux' },
  });
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer itself' }, payload);
  };
  return {
    api: exposed.get('easel') as Record<string, Record<string, (...args: unknown[]) => unknown>>,
    exposed,
    invoked,
    listeners,
    emit,
    required,
  };
}

describe('the preload bundle', () => {
  it('requires nothing but electron, and exposes window.easel only', () => {
    const { exposed, required } = runPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['easel']);
    expect(bundle).not.toMatch(/require\((?!"electron"\))/);
  });

  it('exposes exactly the desktop API', () => {
    const { api } = runPreload();
    const shape = Object.fromEntries(
      Object.entries(api).map(([key, value]) => [key, typeof value === 'object' ? Object.keys(value).sort() : value]),
    );
    expect(shape).toEqual({
      platform: 'desktop',
      os: 'linux',
      relay: ['info', 'onChange'],
      share: ['onChange', 'start', 'status', 'stop'],
      join: ['discovered', 'forget', 'onDiscoveredChange', 'parse', 'probe', 'recent', 'remember'],
      files: ['open', 'save', 'write'],
      menu: ['onAction', 'setTemplate'],
      launch: ['onOpen', 'takePending'],
      updates: ['onChange', 'reportPending', 'restart', 'status'],
    });
  });

  it('sends each call on its own channel with the payload as given', async () => {
    const { api, invoked } = runPreload();
    expect(await api.share!.start!({ port: 5000 })).toEqual({ ok: true, value: INVOKE_CHANNELS.shareStart });
    await api.files!.write!({ path: '/x.easel', bytes: new Uint8Array([1]) });
    await api.relay!.info!();
    expect(invoked).toEqual([
      { channel: INVOKE_CHANNELS.shareStart, payload: { port: 5000 } },
      { channel: INVOKE_CHANNELS.fileWrite, payload: { path: '/x.easel', bytes: new Uint8Array([1]) } },
      { channel: INVOKE_CHANNELS.relayInfo, payload: undefined },
    ]);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const { api, emit, listeners } = runPreload();
    const received: unknown[][] = [];
    const unsubscribe = api.menu!.onAction!((...args: unknown[]) => received.push(args)) as () => void;
    emit(PUSH_CHANNELS.menuAction, { id: 'edit.undo' });
    expect(received).toEqual([[{ id: 'edit.undo' }]]);
    unsubscribe();
    emit(PUSH_CHANNELS.menuAction, { id: 'edit.redo' });
    expect(received).toHaveLength(1);
    expect(listeners.get(PUSH_CHANNELS.menuAction)?.size).toBe(0);
    expect(() => api.relay!.onChange!('not a function')).toThrow(/listener must be a function/);
  });

  it('reports unsaved changes, asks for the restart and hears update news on the update channels', async () => {
    const { api, invoked, emit } = runPreload();
    await api.updates!.reportPending!({ pending: 2 });
    await api.updates!.restart!();
    const heard: unknown[] = [];
    api.updates!.onChange!((status: unknown) => heard.push(status));
    emit(PUSH_CHANNELS.updateChanged, { phase: 'downloaded', version: '1.2.0', percent: null, pending: 0 });
    expect(invoked).toEqual([
      { channel: INVOKE_CHANNELS.updatePending, payload: { pending: 2 } },
      { channel: INVOKE_CHANNELS.updateRestart, payload: undefined },
    ]);
    expect(heard).toEqual([{ phase: 'downloaded', version: '1.2.0', percent: null, pending: 0 }]);
  });

  it('tells the main process once that the page follows relay moves itself', () => {
    const { api, invoked } = runPreload();
    api.relay!.onChange!(() => undefined);
    api.relay!.onChange!(() => undefined);
    expect(invoked).toEqual([{ channel: INVOKE_CHANNELS.relayFollow, payload: undefined }]);
  });
});
