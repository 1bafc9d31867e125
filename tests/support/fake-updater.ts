import { EventEmitter } from 'node:events';
import type { UpdaterEvents } from '../../electron/main/updates/update-controller';

/**
 * electron-updater stood in for at its event boundary: an EventEmitter that
 * emits what AppUpdater emits, with the same names and payload shapes
 * (`checking-for-update`, `update-available` and `update-not-available` with
 * an UpdateInfo, `download-progress` with a ProgressInfo, `update-downloaded`
 * with an UpdateDownloadedEvent, `error` with an Error and its text). A
 * check emits `checking-for-update` at once, as AppUpdater does, then waits
 * for the test to say how it ends. Nothing else of the updater is imitated.
 */
export class FakeUpdater extends EventEmitter implements UpdaterEvents {
  checks = 0;
  private check: { resolve(value: unknown): void; reject(error: Error): void } | null = null;

  checkForUpdates(): Promise<unknown> {
    this.checks++;
    this.emit('checking-for-update');
    return new Promise((resolve, reject) => {
      this.check = { resolve, reject };
    });
  }

  /** The feed lists `version`, newer than the app: found, and (autoDownload) the download starts. */
  findsUpdate(version: string): void {
    const info = updateInfo(version);
    this.emit('update-available', info);
    this.settle().resolve({ isUpdateAvailable: true, updateInfo: info, versionInfo: info });
  }

  /** The feed's newest version is `version`, not newer than the app. */
  findsNothing(version: string): void {
    const info = updateInfo(version);
    this.emit('update-not-available', info);
    this.settle().resolve({ isUpdateAvailable: false, updateInfo: info, versionInfo: info });
  }

  /** As AppUpdater.checkForUpdates fails: `error` first, then the rejection. */
  failsCheck(error: Error): void {
    this.emit('error', error, `Cannot check for updates: ${error.stack ?? error.message}`);
    this.settle().reject(error);
  }

  /** The updater is not active here (not packaged, not an AppImage): it resolves null and emits nothing. */
  declinesCheck(): void {
    this.settle().resolve(null);
  }

  progress(percent: number): void {
    this.emit('download-progress', { total: 1000, delta: 10, transferred: percent * 10, percent, bytesPerSecond: 1 });
  }

  downloaded(version: string): void {
    this.emit('update-downloaded', { ...updateInfo(version), downloadedFile: `/tmp/Easel-${version}.exe` });
  }

  private settle() {
    const check = this.check;
    if (!check) throw new Error('no check is under way');
    this.check = null;
    return check;
  }
}

function updateInfo(version: string) {
  return {
    version,
    files: [{ url: `Easel-Setup-${version}.exe`, sha512: 'c2hhNTEy', size: 1000 }],
    path: `Easel-Setup-${version}.exe`,
    sha512: 'c2hhNTEy',
    releaseDate: '2026-01-01T00:00:00.000Z',
  };
}
