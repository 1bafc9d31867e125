import path from 'node:path';
import { BrowserWindow, shell } from 'electron';

/**
 * The one place windows are made (DESIGN §5): isolated, sandboxed, no Node in
 * the renderer, no new windows and no navigation away from the app.
 */
export function createMainWindow(options: { preloadPath: string; url: string; appOrigin: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Easel',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== options.appOrigin) event.preventDefault();
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
  void window.loadURL(options.url);
  return window;
}

export const preloadPath = (mainDir: string) => path.join(mainDir, '../preload/index.cjs');
