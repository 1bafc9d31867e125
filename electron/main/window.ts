import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { externalUrlToOpen, isNavigationAllowed } from './window/web-policy';
import type { WindowPlacement } from './window/window-state';

export const WINDOW_SIZING = { width: 1280, height: 800, minWidth: 640, minHeight: 480 } as const;

/**
 * The one place windows are made (docs/ARCHITECTURE.md#window-factory-and-security): isolated, sandboxed, no Node in
 * the renderer, no <webview>, no new windows (http(s) links open in the
 * system browser instead), no navigation away from the app.
 */
export function createMainWindow(options: {
  preloadPath: string;
  url: string;
  trustedOrigins: readonly string[];
  placement: WindowPlacement;
}): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: WINDOW_SIZING.minWidth,
    minHeight: WINDOW_SIZING.minHeight,
    title: 'Easel',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in new windows without asking setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  const guard = (event: Electron.Event, url: string) => {
    if (!isNavigationAllowed(url, options.trustedOrigins)) event.preventDefault();
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(options.url);
  return window;
}

export const preloadPath = (mainDir: string) => path.join(mainDir, '../preload/index.cjs');
