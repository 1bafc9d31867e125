import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DesktopResult, INVOKE_CHANNELS, type MenuTemplate, type ShareStatus } from '../../../shared/desktop';
import { AccessApi, connectWith, joinBoard } from '../../../tests/support/access-api';
import { freePort } from '../../../tests/support/free-port';
import { bundleRelayChild } from '../../../tests/support/relay-child-bundle';
import { tempDir } from '../../../tests/support/temp-dir';
import { FileService } from '../files/file-service';
import { probeRelay } from '../join/probe-relay';
import { RecentJoins } from '../join/recent-joins';
import { LaunchQueue, launchResolver } from '../launch/launch-queue';
import { launchRequestsFrom } from '../launch/launch-requests';
import { nodeForkSpawner } from '../relay-host/relay-child-process';
import { RelayHost } from '../relay-host/relay-host';
import { SharingController } from '../sharing/sharing-controller';
import { UpdateController } from '../updates/update-controller';
import { FakeUpdater } from '../../../tests/support/fake-updater';
import { createDispatcher } from './dispatcher';
import { createIpcHandlers } from './handlers';
import type { IpcSender } from './sender';

let bundle: Awaited<ReturnType<typeof bundleRelayChild>>;
let dir: Awaited<ReturnType<typeof tempDir>>;
let host: RelayHost;
beforeAll(async () => {
  bundle = await bundleRelayChild();
});
afterAll(() => bundle.remove());
beforeEach(async () => {
  dir = await tempDir('easel-handlers-');
  host = new RelayHost({
    spawner: nodeForkSpawner(),
    childModule: bundle.modulePath,
    dataDir: path.join(dir.path, 'boards'),
    allowedOrigins: ['app://easel'],
    logLevel: 'error',
  });
});
afterEach(async () => {
  await host.close();
  await dir.remove();
});

const window: IpcSender = { frameUrl: 'app://easel/', isMainFrame: true, webContentsId: 1 };

/** The main process's IPC path with its real services; only the native dialog and menu are outside it. */
function desktop() {
  const menus: MenuTemplate[] = [];
  const files = new FileService(
    {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    { defaultDir: () => dir.path },
  );
  const launch = new LaunchQueue(launchResolver(files), () => true);
  const sharing = new SharingController({
    host,
    advertiser: null,
    interfaces: () => ({}),
    sessionName: () => 'test',
    appVersion: '0.1.0',
    webClient: false,
    onRelayChange: () => undefined,
    onShareChange: () => undefined,
  });
  const updater = new FakeUpdater();
  let installs = 0;
  const updates = new UpdateController({
    updater,
    install: () => installs++,
    currentVersion: '0.1.0',
    log: () => undefined,
    tell: () => undefined,
    onStatus: () => undefined,
  });
  const handlers = createIpcHandlers({
    sharing,
    discovery: { browse: () => undefined, sessions: () => [] },
    recents: new RecentJoins(path.join(dir.path, 'recent-joins.json')),
    probe: (target) => probeRelay(target, { timeoutMs: 3_000 }),
    files,
    followRelay: () => undefined,
    setMenu: (items) => menus.push(items),
    launch,
    updates,
  });
  const dispatcher = createDispatcher(
    handlers,
    { trustedOrigins: ['app://easel'], isAppWindow: (id) => id === 1 },
    {
      warn() {},
      error() {},
    },
  );
  const call = (key: keyof typeof INVOKE_CHANNELS, payload?: unknown) =>
    dispatcher.dispatch(INVOKE_CHANNELS[key], window, payload);
  return { call, menus, launch, updater, updates, installs: () => installs };
}

const valueOf = <T>(result: DesktopResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('desktop IPC with the real services', { timeout: 60_000 }, () => {
  it('shares, probes the shared relay like a guest would, and stops', async () => {
    const { call } = desktop();
    await host.start();
    expect(valueOf(await call('relayInfo'))).toMatchObject({ state: 'running', sharing: false });
    const port = await freePort();
    const shared = valueOf<Extract<ShareStatus, { sharing: true }>>(await call('shareStart', { port }));
    expect(shared).toMatchObject({ sharing: true, port });
    // A guest comes in with a pass for a board the host has.
    const { hostToken } = host.snapshot();
    const hostSocket = await connectWith(`http://127.0.0.1:${port}`, hostToken);
    await joinBoard(hostSocket, 'probed');
    hostSocket.close();
    const pass = await new AccessApi(`http://127.0.0.1:${port}`, hostToken).createPass('probed', { role: 'viewer' });

    const target = valueOf<{ relayUrl: string; token?: string }>(
      await call('joinParse', { text: `127.0.0.1:${port}`, token: pass.token }),
    );
    expect(valueOf(await call('joinProbe', target))).toMatchObject({ ok: true, protocol: 1 });
    expect(valueOf(await call('joinProbe', { relayUrl: target.relayUrl, token: 'wrong' }))).toMatchObject({
      ok: false,
      problem: 'unauthorized',
    });

    expect(valueOf(await call('shareStop'))).toEqual({ sharing: false });
    expect(valueOf(await call('joinProbe', target))).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('remembers joins on disk, refuses writes to paths it never handed out, and takes launch files', async () => {
    const { call, menus, launch } = desktop();
    valueOf(await call('joinRemember', { relayUrl: 'http://192.168.1.2:4455', boardId: 'retro', token: 'abc' }));
    expect(valueOf(await call('joinRecent'))).toMatchObject([
      { relayUrl: 'http://192.168.1.2:4455', boardId: 'retro' },
    ]);
    expect(JSON.parse(await fs.readFile(path.join(dir.path, 'recent-joins.json'), 'utf8'))).toMatchObject({
      entries: [{ token: 'abc' }],
    });

    const bytes = new TextEncoder().encode('x');
    expect(await call('fileWrite', { path: path.join(dir.path, 'x.easel'), bytes })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(valueOf(await call('fileOpen', { kind: 'board' }))).toEqual({ canceled: true });

    const board = path.join(dir.path, 'given.easel');
    await fs.writeFile(board, '{}');
    launch.add(launchRequestsFrom(['easel', board], dir.path));
    expect(valueOf(await call('launchTake'))).toMatchObject([
      { kind: 'file', file: { path: board, name: 'given.easel' } },
    ]);
    expect(valueOf(await call('fileWrite', { path: board, bytes }))).toEqual({ path: board });

    const items: MenuTemplate = [{ id: 'edit.undo', label: 'Undo', enabled: true, group: 'edit' }];
    expect(await call('menuSet', items)).toEqual({ ok: true, value: undefined });
    expect(menus).toEqual([items]);
  });

  it('restarts to update only once the window’s changes are acknowledged, and not before a download', async () => {
    const { call, updater, updates, installs } = desktop();
    expect(valueOf(await call('updateStatus'))).toEqual({ phase: 'idle', version: null, percent: null, pending: 0 });
    expect(await call('updateRestart')).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'No update has been downloaded yet.' },
    });

    updates.checkInBackground();
    updater.findsUpdate('0.2.0');
    updater.downloaded('0.2.0');
    expect(await call('updatePending', { pending: 1 })).toEqual({ ok: true, value: undefined });
    expect(valueOf(await call('updateRestart'))).toMatchObject({ phase: 'waiting-for-save', pending: 1 });
    expect(installs()).toBe(0);
    await call('updatePending', { pending: 0 });
    expect(installs()).toBe(1);
    expect(valueOf(await call('updateStatus'))).toMatchObject({ phase: 'installing', version: '0.2.0' });
  });
});
