import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  powerMonitor,
  screen,
  session,
  type WebContents,
} from 'electron';
import { PUSH_CHANNELS, type PushChannelKey, type PushPayloads } from '../../shared/desktop';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { FileService } from './files/file-service';
import { createDispatcher } from './ipc/dispatcher';
import { createIpcHandlers } from './ipc/handlers';
import type { IpcSender } from './ipc/sender';
import { probeRelay } from './join/probe-relay';
import { RecentJoins } from './join/recent-joins';
import { LanDiscovery } from './lan/lan-discovery';
import { LaunchQueue, launchResolver } from './launch/launch-queue';
import { openAppLogs } from './logs/app-logs';
import { sandboxNote } from './logs/sandbox-note';
import { type LaunchRequest, launchRequestFromUrl, launchRequestsFrom } from './launch/launch-requests';
import { QUIT_TIMEOUT_MS, QuitSequence } from './lifecycle/quit-sequence';
import { applicationMenuTemplate } from './menu/application-menu';
import { newSessionToken, RelayHost } from './relay-host/relay-host';
import { profileDirectory } from './profile';
import { pageUrlAfterMove } from './relay-host/relay-moves';
import { utilityProcessSpawner } from './relay-host/utility-process-spawner';
import { SharingController } from './sharing/sharing-controller';
import { startAppUpdates } from './updates/app-updates';
import { createMainWindow, preloadPath, WINDOW_SIZING } from './window';
import { installPermissionHandlers } from './window/permission-handlers';
import { loadWindowState, placeWindow, saveWindowState } from './window/window-state';

/**
 * Desktop entry: thin glue between Electron and the tested modules beside it.
 * One instance runs; a second one hands its files and easel:// links to the
 * first. The relay runs in a utility process on 127.0.0.1 with its data under
 * the user-data folder, so every board is stored locally and works offline.
 */
registerAppScheme();
// Before anything reads userData: the single-instance lock lives there too.
const profile = profileDirectory({
  isPackaged: app.isPackaged,
  appDataDir: app.getPath('appData'),
  appName: app.name,
  userDataSwitch: app.commandLine.getSwitchValue('user-data-dir'),
});
if (profile !== undefined) app.setPath('userData', profile);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const trustedOrigins = devServer ? [APP_ORIGIN, new URL(devServer).origin] : [APP_ORIGIN];
  const userData = app.getPath('userData');
  const logs = openAppLogs({ dir: path.join(userData, 'logs'), echo: !app.isPackaged });
  const log = logs.log;
  const sandbox = sandboxNote({
    platform: process.platform,
    appImage: process.env.APPIMAGE,
    noSandbox: app.commandLine.hasSwitch('no-sandbox'),
  });
  if (sandbox) log(sandbox.event, sandbox.details);
  let mainWindow: BrowserWindow | null = null;
  /** Pages that reconnect by themselves when the relay moves (they subscribed to relay.onChange). */
  const followers = new Set<number>();
  let lastRelayUrl: string | null = null;

  const send = <K extends PushChannelKey>(contents: WebContents, key: K, payload: PushPayloads[K]) => {
    if (!contents.isDestroyed()) contents.send(PUSH_CHANNELS[key], payload);
  };
  const broadcast = <K extends PushChannelKey>(key: K, payload: PushPayloads[K]) => {
    for (const window of BrowserWindow.getAllWindows()) send(window.webContents, key, payload);
  };

  const files = new FileService(
    {
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    },
    { defaultDir: () => app.getPath('documents') },
  );
  const launch = new LaunchQueue(launchResolver(files), (open) => {
    if (!mainWindow) return false;
    send(mainWindow.webContents, 'launchOpen', open);
    return true;
  });
  // macOS keeps running with no window: what is handed over then waits for one, opened for it.
  const launchInWindow = (requests: LaunchRequest[]) => {
    launch.add(requests);
    void ensureWindow();
  };

  // Files and links: on this command line, from a second instance, and from macOS (before ready, too).
  launch.add(launchRequestsFrom(process.argv.slice(1), process.cwd()));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    launchInWindow(launchRequestsFrom(argv.slice(1), workingDirectory));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launchInWindow(launchRequestsFrom([file], process.cwd()));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    launchInWindow([launchRequestFromUrl(url)]);
  });
  // Only the installed app claims easel:// links; a run from the source tree must not take them over.
  if (app.isPackaged) app.setAsDefaultProtocolClient('easel');

  const webRoot = builtWebClient();
  const host = new RelayHost({
    spawner: utilityProcessSpawner(logs.relayOutput),
    childModule: path.join(import.meta.dirname, 'relay-child.js'),
    dataDir: path.join(userData, 'boards'),
    allowedOrigins: trustedOrigins,
    ...(webRoot !== undefined && { webRoot }),
    log,
  });
  const discovery = new LanDiscovery({
    selfId: newSessionToken(),
    onChange: (sessions) => broadcast('discoveredChanged', sessions),
    onError: (error) => log('mdns-error', { error: String(error) }),
  });
  const sharing = new SharingController({
    host,
    advertiser: discovery,
    interfaces: () => os.networkInterfaces(),
    sessionName: () => `Easel on ${os.hostname()}`,
    appVersion: app.getVersion(),
    webClient: webRoot !== undefined,
    onRelayChange: (info) => {
      broadcast('relayChanged', info);
      for (const window of BrowserWindow.getAllWindows()) {
        if (followers.has(window.webContents.id)) continue;
        const next = pageUrlAfterMove(window.webContents.getURL(), lastRelayUrl, info, trustedOrigins);
        if (next) void window.loadURL(next);
      }
      if (info.state === 'running') lastRelayUrl = info.url;
    },
    onShareChange: (status) => broadcast('shareChanged', status),
  });

  const updates = startAppUpdates({
    log,
    onStatus: (status) => broadcast('updateChanged', status),
    parentWindow: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
  });

  const setMenu = (items: Parameters<typeof applicationMenuTemplate>[0]) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        applicationMenuTemplate(items, {
          isMac: process.platform === 'darwin',
          appName: app.name,
          devTools: !app.isPackaged,
          onCheckForUpdates: () => updates.checkNow(),
          onAction: (id) => {
            const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
            if (target) send(target.webContents, 'menuAction', { id });
          },
        }),
      ),
    );

  const dispatcher = createDispatcher(
    createIpcHandlers({
      sharing,
      discovery,
      recents: new RecentJoins(path.join(userData, 'recent-joins.json'), { log }),
      probe: (target) => probeRelay(target),
      files,
      followRelay: (sender) => followers.add(sender.webContentsId),
      setMenu: (items) => setMenu(items),
      launch,
      updates,
    }),
    { trustedOrigins, isAppWindow: (id) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id) },
    { warn: log, error: log },
  );
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatcher.dispatch(channel, senderOf(event), payload));
  }

  const windowStateFile = path.join(userData, 'window-state.json');
  const openWindow = async () => {
    const relay = host.snapshot();
    const page = new URL(devServer ?? `${APP_ORIGIN}/index.html`);
    if (relay.url) page.searchParams.set('relay', relay.url);
    page.searchParams.set('t', relay.hostToken);
    const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
    const window = createMainWindow({
      preloadPath: preloadPath(import.meta.dirname),
      url: page.toString(),
      trustedOrigins,
      placement: placeWindow(await loadWindowState(windowStateFile), displays, WINDOW_SIZING),
    });
    mainWindow = window;
    const contentsId = window.webContents.id;
    window.webContents.on('did-navigate', () => {
      launch.reset();
      followers.delete(contentsId);
    });
    window.on('close', () => saveWindowPlace(window));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      launch.reset();
    });
    // Windows: log-off or shutdown, which emits no before-quit.
    window.on('session-end', () => quitFor('session-end'));
  };
  let opening: Promise<void> | null = null;
  /** Opens the window unless one is open or opening; before ready the start opens it. */
  const ensureWindow = (): Promise<void> => {
    if (mainWindow || !app.isReady()) return Promise.resolve();
    opening ??= openWindow().finally(() => (opening = null));
    return opening;
  };
  const saveWindowPlace = (window: BrowserWindow) => {
    if (window.isDestroyed()) return;
    try {
      saveWindowState(windowStateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log('window-state-not-saved', { error: String(error) });
    }
  };

  // Before the process goes: the window's place, the announcement withdrawn, every board flushed, the logs.
  const quitSequence = new QuitSequence(
    [
      { name: 'window-state', run: () => mainWindow && saveWindowPlace(mainWindow) },
      {
        name: 'sharing-and-relay',
        run: () => allOrFirstFailure([sharing.close().then(() => discovery.close()), host.close()]),
      },
      { name: 'logs', run: () => logs.close() },
    ],
    { timeoutMs: QUIT_TIMEOUT_MS, log },
  );
  const quitFor = (reason: string) =>
    void quitSequence.run(reason).then((outcome) => (outcome.timedOut ? app.exit(0) : app.quit()));
  app.on('before-quit', (event) => {
    if (quitSequence.finished) return;
    event.preventDefault();
    quitFor('quit');
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void (async () => {
    await app.whenReady();
    installPermissionHandlers(session.defaultSession, { trustedOrigins, appOrigin: APP_ORIGIN });
    app.on('web-contents-created', (_event, contents) => {
      contents.on('will-attach-webview', (event) => event.preventDefault());
    });
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    setMenu([]);
    // macOS and Linux: a system shutdown waits for this (preventDefault) while the sequence runs.
    powerMonitor.on('shutdown', (...args: unknown[]) => {
      (args[0] as Electron.Event | undefined)?.preventDefault();
      quitFor('shutdown');
    });
    await host.start();
    await ensureWindow();
    app.on('activate', () => void ensureWindow());
  })().catch((error: unknown) => {
    console.error('Easel failed to start:', error);
    app.exit(1);
  });
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

/** Settles when all have; rejects with the first failure, so the quit sequence logs it. */
async function allOrFirstFailure(work: Promise<unknown>[]): Promise<void> {
  const failure = (await Promise.allSettled(work)).find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The browser client built by `npm run build:web`, unpacked next to the asar so the relay child can serve it. */
function builtWebClient(): string | undefined {
  const root = path.join(app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked'), 'out/web');
  return existsSync(path.join(root, 'index.html')) ? root : undefined;
}
