import path from 'node:path';
import { app, type BrowserWindow, dialog, autoUpdater as nativeAutoUpdater } from 'electron';
import electronUpdater, { type AppUpdater, type Logger } from 'electron-updater';
import type { UpdateStatus } from '../../../shared/desktop';
import {
  errorText,
  UpdateController,
  type UpdateControllerOptions,
  type Updates,
  UpdatesOff,
} from './update-controller';
import { hasUpdateFeed } from './update-feed';

export interface AppUpdatesOptions {
  log(event: string, details: Record<string, unknown>): void;
  onStatus(status: UpdateStatus): void;
  /** The window a dialog belongs to. */
  parentWindow(): BrowserWindow | null;
}

/**
 * The app's updates, wired to Electron: electron-updater with the feed
 * electron-builder wrote into the package (`app-update.yml`: the GitHub
 * releases the release workflow publishes, each with its `latest*.yml`).
 * Checks once the app is ready and from the menu, downloads in the
 * background, installs on quit or on "Restart to update". Off, and said so
 * in the log, in a development run or a build without a feed.
 */
export function startAppUpdates(options: AppUpdatesOptions): Updates {
  const tell: UpdateControllerOptions['tell'] = ({ tone, message, detail }) => {
    const parent = options.parentWindow();
    const box = { type: tone, message, detail, buttons: ['OK'] };
    void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  };
  const offReason = whyUpdatesAreOff();
  if (offReason !== null) {
    options.log('updates-off', { reason: offReason });
    return new UpdatesOff(offReason, tell);
  }

  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = quietLogger(options.log);
  const updates = new UpdateController({
    updater: autoUpdater,
    install: () => quitAndInstall(autoUpdater),
    currentVersion: app.getVersion(),
    log: options.log,
    tell,
    onStatus: options.onStatus,
  });
  // A window's report of unsaved changes lasts as long as its page.
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.on('did-navigate', () => updates.forgetWindow(id));
    contents.once('destroyed', () => updates.forgetWindow(id));
  });
  void app.whenReady().then(() => updates.checkInBackground());
  return updates;
}

function whyUpdatesAreOff(): string | null {
  if (!app.isPackaged) return 'a development run (the app is not packaged)';
  if (!hasUpdateFeed(path.join(process.resourcesPath, 'app-update.yml'))) {
    return 'this build has no update feed: electron-builder names one in app-update.yml only when it knows the GitHub repository (from the git remote)';
  }
  return null;
}

/**
 * electron-updater logs every step, and whole HTTP responses on a failed
 * check. The controller logs each outcome in one line of its own, so only
 * the updater's warnings (e.g. "not an AppImage") are kept.
 */
function quietLogger(log: AppUpdatesOptions['log']): Logger {
  return {
    info: () => undefined,
    debug: () => undefined,
    error: () => undefined,
    warn: (message: unknown) => log('updater-warning', { message: errorText(message) }),
  };
}

/**
 * Installs silently and starts the new version once this process has exited.
 *
 * An AppImage is the exception: electron-updater starts the new AppImage at
 * once, while this instance still holds the single-instance lock, so the new
 * one would hand itself over to us and quit, leaving nothing running. It is
 * installed without being started instead (the AppImage exits right after
 * the install), and relaunched by Electron after this process exits.
 */
function quitAndInstall(updater: AppUpdater): void {
  const appImage = process.env.APPIMAGE;
  if (process.platform !== 'linux' || appImage === undefined) {
    updater.quitAndInstall(true, true);
    return;
  }
  let installed = appImage;
  const renamed = (file: string) => {
    installed = file;
  };
  const relaunch = () => app.relaunch({ execPath: installed, args: [] });
  updater.once('appimage-filename-updated', renamed);
  nativeAutoUpdater.once('before-quit-for-update', relaunch);
  updater.once('error', () => nativeAutoUpdater.removeListener('before-quit-for-update', relaunch));
  updater.quitAndInstall(true, false);
}
