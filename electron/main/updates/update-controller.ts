import { z } from 'zod';
import { MAX_REPORTED_PENDING, MAX_VERSION_LENGTH, type UpdateStatus } from '../../../shared/desktop';
import {
  initialUpdateState,
  stepUpdate,
  type UpdateEffect,
  type UpdateInput,
  type UpdateState,
  updateStatusOf,
} from './update-policy';

/**
 * electron-updater's AppUpdater as this module uses it: its events (the names
 * and payloads it emits) and its check. Tests stand in an EventEmitter here.
 */
export interface UpdaterEvents {
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded' | 'download-progress',
    listener: (info: unknown) => void,
  ): unknown;
  on(event: 'error', listener: (error: unknown, message?: string) => void): unknown;
  /** Resolves null when the updater is not active (electron-updater does, e.g. for a non-AppImage on Linux). */
  checkForUpdates(): Promise<unknown>;
}

export interface UpdateControllerOptions {
  updater: UpdaterEvents;
  /** Quits and installs the downloaded update (electron-updater's quitAndInstall, per platform). */
  install(): void;
  currentVersion: string;
  log(event: string, details: Record<string, unknown>): void;
  /** A dialog, for outcomes the person asked for. */
  tell(message: { tone: 'info' | 'warning'; message: string; detail: string }): void;
  /** Every window gets the new status. */
  onStatus(status: UpdateStatus): void;
}

/** What the rest of the main process (menu, IPC handlers) asks of updates, on or off. */
export interface Updates {
  status(): UpdateStatus;
  /** Help → Check for Updates: the outcome is told. */
  checkNow(): void;
  /** "Restart to update": installs now, or once every window's changes are acknowledged. */
  requestRestart(): UpdateStatus;
  reportPending(windowId: number, pending: number): void;
  /** The window closed or left its page: what it reported no longer holds. */
  forgetWindow(windowId: number): void;
}

/** The longest error text a log line or a dialog gets: electron-updater's HTTP errors carry whole responses. */
const MAX_ERROR_LENGTH = 300;

const versionInfoSchema = z.object({ version: z.string().min(1) });
const progressSchema = z.object({ percent: z.number() });

/**
 * Runs the update policy (update-policy.ts) against electron-updater: feeds
 * it the updater's events, the checks asked for, restart requests and each
 * window's count of unacknowledged changes, and carries out what it decides.
 */
export class UpdateController implements Updates {
  private state: UpdateState;
  private readonly pendingByWindow = new Map<number, number>();
  private lastStatus: string;

  constructor(private readonly options: UpdateControllerOptions) {
    this.state = initialUpdateState(options.currentVersion);
    this.lastStatus = JSON.stringify(updateStatusOf(this.state));
    const { updater } = options;
    updater.on('checking-for-update', () => this.step({ type: 'checking-for-update' }));
    updater.on('update-available', (info) => this.step({ type: 'update-available', version: versionOf(info) }));
    updater.on('update-not-available', (info) => {
      const parsed = versionInfoSchema.safeParse(info);
      this.step({ type: 'update-not-available', version: parsed.success ? clip(parsed.data.version) : null });
    });
    updater.on('download-progress', (progress) => {
      const parsed = progressSchema.safeParse(progress);
      if (parsed.success) this.step({ type: 'download-progress', percent: parsed.data.percent });
    });
    updater.on('update-downloaded', (info) => this.step({ type: 'update-downloaded', version: versionOf(info) }));
    updater.on('error', (error) => this.step({ type: 'error', message: errorText(error) }));
  }

  status(): UpdateStatus {
    return updateStatusOf(this.state);
  }

  /** The check at start: quiet whatever it finds. */
  checkInBackground(): void {
    this.step({ type: 'check', manual: false });
  }

  checkNow(): void {
    this.step({ type: 'check', manual: true });
  }

  requestRestart(): UpdateStatus {
    this.step({ type: 'restart-requested' });
    return this.status();
  }

  reportPending(windowId: number, pending: number): void {
    this.pendingByWindow.set(windowId, Math.min(Math.max(0, Math.floor(pending)), MAX_REPORTED_PENDING));
    this.pendingChanged();
  }

  forgetWindow(windowId: number): void {
    if (this.pendingByWindow.delete(windowId)) this.pendingChanged();
  }

  private pendingChanged(): void {
    let total = 0;
    for (const count of this.pendingByWindow.values()) total += count;
    this.step({ type: 'pending-changed', pending: total });
  }

  private step(input: UpdateInput): void {
    const { state, effects } = stepUpdate(this.state, input);
    this.state = state;
    const status = JSON.stringify(updateStatusOf(state));
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      this.options.onStatus(updateStatusOf(state));
    }
    for (const effect of effects) this.run(effect);
  }

  private run(effect: UpdateEffect): void {
    switch (effect.kind) {
      case 'log':
        this.options.log(effect.event, effect.details);
        return;
      case 'tell':
        this.options.tell({ tone: effect.tone, message: effect.message, detail: effect.detail });
        return;
      case 'check':
        this.check();
        return;
      case 'install':
        try {
          this.options.install();
        } catch (error) {
          this.step({ type: 'error', message: errorText(error) });
        }
        return;
    }
  }

  private check(): void {
    const failedWithoutEvent = (error: unknown) => {
      // electron-updater emits 'error' before it rejects; a rejection with no event still ends the check.
      if (this.state.phase === 'checking') this.step({ type: 'error', message: errorText(error) });
    };
    let checking: Promise<unknown>;
    try {
      checking = this.options.updater.checkForUpdates();
    } catch (error) {
      failedWithoutEvent(error);
      return;
    }
    checking.then((result) => {
      if (result === null || result === undefined) this.step({ type: 'check-skipped' });
    }, failedWithoutEvent);
  }
}

/**
 * Updates in a copy that cannot update itself (a development run, a build
 * without an update feed): the phase stays idle, and a check from the menu
 * says why instead of silently doing nothing.
 */
export class UpdatesOff implements Updates {
  constructor(
    private readonly reason: string,
    private readonly tell: UpdateControllerOptions['tell'],
  ) {}

  status(): UpdateStatus {
    return { phase: 'idle', version: null, percent: null, pending: 0 };
  }

  checkNow(): void {
    this.tell({ tone: 'info', message: 'Updates are off in this copy of Easel', detail: this.reason });
  }

  requestRestart(): UpdateStatus {
    return this.status();
  }

  reportPending(): void {}

  forgetWindow(): void {}
}

function versionOf(info: unknown): string {
  const parsed = versionInfoSchema.safeParse(info);
  return parsed.success ? clip(parsed.data.version) : 'unknown';
}

const clip = (text: string) => text.slice(0, MAX_VERSION_LENGTH);

/** The first line of an error, bounded: one quiet log line, or a brief dialog. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return (firstLine || 'unknown error').slice(0, MAX_ERROR_LENGTH);
}
