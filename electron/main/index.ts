import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createRelay, type RelayHandle } from '../../server/relay';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { createMainWindow, preloadPath } from './window';

/**
 * Desktop entry. The relay runs embedded on 127.0.0.1 with its data under the
 * user-data folder, so every board is stored locally and works offline.
 */
registerAppScheme();
let relay: RelayHandle | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  const devServer = process.env.ELECTRON_RENDERER_URL;
  relay = await createRelay({
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(app.getPath('userData'), 'relay-data'),
    allowedOrigins: devServer ? [APP_ORIGIN, new URL(devServer).origin] : [APP_ORIGIN],
  });
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  const page = new URL(devServer ?? `${APP_ORIGIN}/index.html`);
  page.searchParams.set('relay', relay.url);
  const open = () =>
    createMainWindow({
      preloadPath: preloadPath(import.meta.dirname),
      url: page.toString(),
      appOrigin: page.origin,
    });
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !relay) return;
  // Flush every board before the process goes away.
  event.preventDefault();
  quitting = true;
  void relay.close().finally(() => app.quit());
});

start().catch((error: unknown) => {
  console.error('Easel failed to start:', error);
  app.exit(1);
});
