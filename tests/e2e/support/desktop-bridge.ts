/**
 * The desktop app without Electron: a Chromium page whose `window.easel` has
 * the preload's shape (electron/preload/index.ts), and behind it, in this
 * Node process, the REAL main-process modules wired as electron/main/index.ts
 * wires them: createDispatcher(createIpcHandlers(…)), a RelayHost running the
 * relay child with Node's fork, a SharingController, RecentJoins on a temp
 * file, probeRelay, a FileService and a LaunchQueue. Renderer desktop
 * features are tested through it in a real browser against real processes,
 * sockets and files.
 *
 * What differs from the Electron app, because it must:
 * - Transport. No ipcRenderer/ipcMain: each call is a Playwright binding
 *   (`page.exposeBinding`) and each push a `page.evaluate` into the page.
 *   Payloads are serialized by Playwright, not structured-cloned, so bytes
 *   travel as base64 (wire-bytes.ts, the same code on both sides) and are
 *   Uint8Arrays again before the dispatcher validates them with the same
 *   schemas ipcMain's handlers get. The sender the dispatcher checks is the
 *   binding's frame (its URL, whether it is the top frame) in the one window
 *   there is (id 1), so the origin and top-frame rules run for real.
 * - Origin. The renderer is the built web client (WEB_ROOT) served by a small
 *   static server on 127.0.0.1 (not app://easel, which Chromium without
 *   Electron cannot serve), independent of the relay, since sharing restarts
 *   the relay on another port. Like the app:// handler it sends no CSP
 *   header, so index.html's meta policy is the one in force. Unknown paths
 *   without an extension get index.html, as client-side routes need.
 * - Native dialogs are answers the test queues (dialogs.nextOpen/nextSave); a
 *   dialog nobody answered fails the call (and is listed in problems()).
 * - No mDNS: multicast is not allowed outside a network namespace. A
 *   RecordingLan stands in for LanDiscovery: it records what would be
 *   announced and reports the sessions a test says were discovered.
 * - Network interfaces are fixed (loopback plus 192.0.2.10, TEST-NET-1, on
 *   eth0), so join links are predictable. The relay still binds 0.0.0.0
 *   while sharing, as the app does; tests only connect to 127.0.0.1.
 * - The native menu is the last template the renderer sent, laid out by the
 *   main process's applicationMenuTemplate; chooseMenu() clicks an item of it
 *   that exists and is enabled, as a click on the real menu would. The Edit menu's Cut and Copy are roles the main
 *   process adds (electron/main/menu/edit-menu.ts); chooseEditRole() runs
 *   their editing command in the page.
 * - `did-navigate` (a new document in the window) is the shim telling Node
 *   that it was installed in a new top-level document.
 * - Updates: electron-updater cannot run outside a packaged app, so a
 *   FakeUpdater (an EventEmitter with its event names and payloads) stands
 *   in at its event boundary; the UpdateController and the update policy
 *   behind it are the real ones, and "install" is counted, not performed.
 */
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { FileService } from '../../../electron/main/files/file-service';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { createIpcHandlers } from '../../../electron/main/ipc/handlers';
import type { IpcSender } from '../../../electron/main/ipc/sender';
import { probeRelay } from '../../../electron/main/join/probe-relay';
import { RecentJoins } from '../../../electron/main/join/recent-joins';
import { LaunchQueue, launchResolver } from '../../../electron/main/launch/launch-queue';
import { applicationMenuTemplate } from '../../../electron/main/menu/application-menu';
import { type LaunchRequest, launchRequestsFrom } from '../../../electron/main/launch/launch-requests';
import { nodeForkSpawner } from '../../../electron/main/relay-host/relay-child-process';
import { RelayHost } from '../../../electron/main/relay-host/relay-host';
import { pageUrlAfterMove } from '../../../electron/main/relay-host/relay-moves';
import { SharingController } from '../../../electron/main/sharing/sharing-controller';
import { UpdateController } from '../../../electron/main/updates/update-controller';
import type { PushPayloads } from '../../../shared/desktop/api';
import { INVOKE_CHANNELS, PUSH_CHANNELS, type PushChannelKey } from '../../../shared/desktop/channels';
import type { MenuTemplate } from '../../../shared/desktop/menu';
import type { DiscoveredSession, RelayInfo, ShareStatus } from '../../../shared/desktop/schemas';
import {
  DialogAnswers,
  RecordingLan,
  recordingSpawner,
  startStaticOrigin,
  TEST_INTERFACES,
  TEST_SESSION_NAME,
} from './desktop-stand-ins';
import { FakeUpdater } from '../../support/fake-updater';
import { installEaselShim, type ShimConfig } from './easel-shim';
import { fromWire, toWire } from './wire-bytes';

/** The one window of the bridged app, as Electron's webContents id. */
const WINDOW_ID = 1;
const SHIM_NAMES = {
  invokeBinding: '__easelInvoke',
  documentBinding: '__easelDocument',
  pushFunction: '__easelPush',
} as const;

/** Loopback plus one LAN address from TEST-NET-1 (RFC 5737), which no real network uses. */
export interface DesktopBridgeOptions {
  page: Page;
  /** The built browser client (WEB_ROOT). */
  webRoot: string;
  /** The relay child bundled by tests/support/relay-child-bundle.ts. */
  relayChildModule: string;
  /** Boards, recent joins and the dialogs' default folder live here. */
  dataDir: string;
  /** Used when share() names no port; pick a free one so parallel runs do not collide on 4455. */
  defaultSharePort: number;
  /** What `window.easel.os` says; Linux unless a test is about another system. */
  os?: ShimConfig['os'];
}

export interface IpcLogEntry {
  level: 'warn' | 'error';
  event: string;
  details: Record<string, unknown>;
}

export type DesktopBridge = Awaited<ReturnType<typeof startDesktopBridge>>;

export async function startDesktopBridge(options: DesktopBridgeOptions) {
  const { page } = options;
  const staticOrigin = await startStaticOrigin(options.webRoot);
  const trustedOrigins = [staticOrigin.origin];
  const ipcLog: IpcLogEntry[] = [];
  let menu: MenuTemplate | null = null;
  let menuTemplatesSent = 0;
  let following = false;
  let lastRelayUrl: string | null = null;
  const pushed: { key: PushChannelKey; payload: unknown }[] = [];

  const push = <K extends PushChannelKey>(key: K, payload: PushPayloads[K]) => {
    pushed.push({ key, payload });
    if (page.isClosed()) return;
    // A page between documents misses it, as webContents.send would.
    void page
      .evaluate(
        ([name, channel, wire]) => {
          const deliver = (window as unknown as Record<string, unknown>)[name];
          if (typeof deliver === 'function') (deliver as (channel: string, payload: unknown) => void)(channel, wire);
        },
        [SHIM_NAMES.pushFunction, PUSH_CHANNELS[key], toWire(payload)] as const,
      )
      .catch(() => undefined);
  };

  const dialogs = new DialogAnswers();
  const files = new FileService(dialogs, { defaultDir: () => options.dataDir });
  const launch = new LaunchQueue(launchResolver(files), (open) => {
    push('launchOpen', open);
    return true;
  });
  const spawner = recordingSpawner(nodeForkSpawner());
  const host = new RelayHost({
    spawner,
    childModule: options.relayChildModule,
    dataDir: path.join(options.dataDir, 'boards'),
    allowedOrigins: trustedOrigins,
    defaultSharePort: options.defaultSharePort,
    logLevel: 'error',
  });
  const lan = new RecordingLan((sessions) => push('discoveredChanged', sessions));
  const sharing = new SharingController({
    host,
    advertiser: lan,
    interfaces: () => TEST_INTERFACES,
    sessionName: () => TEST_SESSION_NAME,
    appVersion: '0.0.0-test',
    webClient: false,
    onRelayChange: (info) => {
      push('relayChanged', info);
      if (!following && !page.isClosed()) {
        const next = pageUrlAfterMove(page.url(), lastRelayUrl, info, trustedOrigins);
        if (next) void page.goto(next).catch(() => undefined);
      }
      if (info.state === 'running') lastRelayUrl = info.url;
    },
    onShareChange: (status) => push('shareChanged', status),
  });
  const updater = new FakeUpdater();
  let installs = 0;
  const told: { message: string; detail: string }[] = [];
  const updates = new UpdateController({
    updater,
    install: () => {
      installs++;
    },
    currentVersion: '0.0.0-test',
    log: () => undefined,
    tell: ({ message, detail }) => told.push({ message, detail }),
    onStatus: (status) => push('updateChanged', status),
  });
  const dispatcher = createDispatcher(
    createIpcHandlers({
      sharing,
      discovery: lan,
      recents: new RecentJoins(path.join(options.dataDir, 'recent-joins.json')),
      probe: (target) => probeRelay(target),
      files,
      followRelay: () => {
        following = true;
      },
      setMenu: (items) => {
        menu = items;
        menuTemplatesSent++;
      },
      launch,
      updates,
    }),
    { trustedOrigins, isAppWindow: (id) => id === WINDOW_ID && !page.isClosed() },
    {
      warn: (event, details) => ipcLog.push({ level: 'warn', event, details }),
      error: (event, details) => ipcLog.push({ level: 'error', event, details }),
    },
  );

  /** Playwright's BindingSource (not exported by name). */
  const senderOf = (source: { page: Page; frame: Frame }): IpcSender => ({
    frameUrl: source.frame.url(),
    isMainFrame: source.frame === source.page.mainFrame(),
    webContentsId: WINDOW_ID,
  });
  await page.exposeBinding(SHIM_NAMES.invokeBinding, async (source, channel: unknown, payload: unknown) =>
    toWire(await dispatcher.dispatch(String(channel), senderOf(source), fromWire(payload))),
  );
  await page.exposeBinding(SHIM_NAMES.documentBinding, (source) => {
    if (source.frame !== source.page.mainFrame()) return;
    launch.reset();
    following = false;
    updates.forgetWindow(WINDOW_ID);
  });
  const config: ShimConfig = {
    invokeChannels: INVOKE_CHANNELS,
    pushChannels: PUSH_CHANNELS,
    os: options.os ?? 'linux',
    ...SHIM_NAMES,
  };
  await page.addInitScript({
    content: `if (window === window.top) (${installEaselShim.toString()})(${toWire.toString()}, ${fromWire.toString()}, ${JSON.stringify(config)});`,
  });

  try {
    await host.start();
  } catch (error) {
    await staticOrigin.close();
    throw error;
  }

  const relayInfo = (): RelayInfo => sharing.relayInfo();
  /** A page of the app as openWindow loads it: the static origin with `?relay=` and `?t=` of the relay now. */
  const pageUrl = (pathname = '/', extra: Record<string, string> = {}): string => {
    const info = relayInfo();
    const url = new URL(pathname, staticOrigin.origin);
    if (info.url) url.searchParams.set('relay', info.url);
    url.searchParams.set('t', info.token);
    for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
    return url.toString();
  };

  return {
    page,
    origin: staticOrigin.origin,
    dialogs,
    lan,
    relayInfo,
    pageUrl,
    shareStatus: (): ShareStatus => sharing.status(),
    /** Opens a board as the app's window would, with the read-only test hook on (`?e2e=1`). */
    async openBoard(boardId: string): Promise<void> {
      await page.goto(pageUrl(`/b/${boardId}`, { e2e: '1' }));
    },
    /** A file or link handed to the running app (second instance, open-file, open-url). */
    launch(request: LaunchRequest): void {
      launch.add([request]);
    },
    /** A second instance started with this command line, forwarded to this one. */
    secondInstance(argv: readonly string[], cwd: string): void {
      launch.add(launchRequestsFrom(argv, cwd));
    },
    discovered(sessions: DiscoveredSession[]): void {
      lan.discover(sessions);
    },
    /** The last template the renderer sent through menu.setTemplate, or null before the first. */
    menuTemplate: (): MenuTemplate | null => menu,
    menuTemplatesSent: () => menuTemplatesSent,
    /** Clicks a native menu item: it must be in the menu and enabled. */
    chooseMenu(id: string): void {
      // Laid out by the main process's own code, which decides what is enabled (undo in a text field, say).
      const menus = applicationMenuTemplate(menu ?? [], {
        isMac: options.os === 'darwin',
        appName: 'Easel',
        devTools: false,
        onAction: (chosen) => push('menuAction', { id: chosen }),
      });
      const items = menus.flatMap((entry) => (Array.isArray(entry.submenu) ? entry.submenu : []));
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw new Error(`the menu has no item ${id} (it has ${items.map((i) => i.id ?? i.role).join(', ')})`);
      if (item.enabled === false) throw new Error(`the menu item ${id} (${item.label}) is disabled`);
      (item.click as () => void)();
    },
    /**
     * Chooses Cut or Copy in the Edit menu. Those items are Electron's roles,
     * which run the browser's editing command in the focused frame
     * (webContents.cut()/copy()); here the page runs the same command. Paste
     * cannot be played this way: Chromium lets pages run it only with
     * clipboard access the app has but a test page does not.
     */
    async chooseEditRole(role: 'cut' | 'copy'): Promise<boolean> {
      return page.evaluate((command) => document.execCommand(command), role);
    },
    /** Whether the page follows relay moves itself (it subscribed to relay.onChange). */
    follows: () => following,
    /** The relay child's pid now (kill it to crash the relay). */
    relayPid(): number {
      const pid = spawner.latest()?.pid;
      if (pid === undefined) throw new Error('no relay child is running');
      return pid;
    },
    /**
     * electron-updater at its event boundary: emit its events (findsUpdate,
     * downloaded, …) as the real one would after a check.
     */
    updater,
    /** A check as the app starts one at start (quiet) or from Help → Check for Updates (manual). */
    checkForUpdates: (manual: boolean) => (manual ? updates.checkNow() : updates.checkInBackground()),
    /** How many times the app quit to install the downloaded update (electron-updater's quitAndInstall). */
    updateInstalls: () => installs,
    /** The dialogs the update policy showed (only for what the person asked). */
    updateDialogs: () => [...told],
    /** Everything pushed to the page so far. */
    pushed: () => [...pushed],
    /** What the dispatcher logged: refused senders and requests (warn), handler failures (error). */
    ipcLog: () => [...ipcLog],
    async close(): Promise<void> {
      await Promise.allSettled([sharing.close(), host.close(), staticOrigin.close()]);
    },
  };
}
