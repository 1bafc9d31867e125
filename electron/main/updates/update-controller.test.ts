import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/desktop';
import { FakeUpdater } from '../../../tests/support/fake-updater';
import { errorText, UpdateController, UpdatesOff } from './update-controller';

function setup() {
  const updater = new FakeUpdater();
  const logged: { event: string; details: Record<string, unknown> }[] = [];
  const told: { tone: string; message: string; detail: string }[] = [];
  const statuses: UpdateStatus[] = [];
  let installs = 0;
  let installFails: Error | null = null;
  const controller = new UpdateController({
    updater,
    install: () => {
      installs++;
      if (installFails) throw installFails;
    },
    currentVersion: '0.1.0',
    log: (event, details) => logged.push({ event, details }),
    tell: (message) => told.push(message),
    onStatus: (status) => statuses.push(status),
  });
  return {
    updater,
    controller,
    logged,
    told,
    statuses,
    installs: () => installs,
    failInstallWith: (error: Error) => {
      installFails = error;
    },
  };
}

/** Lets the check's promise settle (its handlers run in a microtask). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('UpdateController with electron-updater’s events', () => {
  it('checks in the background, follows the download and restarts once the changes are saved', async () => {
    const { updater, controller, statuses, installs, told } = setup();
    controller.checkInBackground();
    expect(updater.checks).toBe(1);
    updater.findsUpdate('0.2.0');
    updater.progress(10.4);
    updater.progress(10.9);
    updater.progress(55);
    updater.downloaded('0.2.0');
    await settled();
    expect(statuses.map((status) => [status.phase, status.percent])).toEqual([
      ['checking', null],
      ['available', null],
      ['downloading', 10],
      ['downloading', 55],
      ['downloaded', null],
    ]);

    controller.reportPending(1, 2);
    controller.reportPending(2, 1);
    expect(controller.requestRestart()).toEqual({
      phase: 'waiting-for-save',
      version: '0.2.0',
      percent: null,
      pending: 3,
    });
    controller.reportPending(1, 0);
    expect(installs()).toBe(0);
    controller.forgetWindow(2);
    expect(installs()).toBe(1);
    expect(controller.status().phase).toBe('installing');
    expect(told).toEqual([]);
  });

  it('a failed check in the background is one log line, whatever the updater’s error carries', async () => {
    const { updater, controller, logged, told } = setup();
    controller.checkInBackground();
    updater.failsCheck(
      new Error('HttpError: 404 \n"method: GET url: https://github.com/o/r/releases.atom"\nHeaders: {…}'),
    );
    await settled();
    expect(logged).toEqual([
      { event: 'update-check', details: { manual: false } },
      { event: 'update-check-failed', details: { error: 'HttpError: 404' } },
    ]);
    expect(told).toEqual([]);
    expect(controller.status().phase).toBe('error');
  });

  it('a check from the menu says "up to date", or briefly that it failed', async () => {
    const first = setup();
    first.controller.checkNow();
    first.updater.findsNothing('0.1.0');
    await settled();
    expect(first.told).toEqual([
      { tone: 'info', message: 'Easel is up to date', detail: 'Version 0.1.0 is the newest.' },
    ]);

    const second = setup();
    second.controller.checkNow();
    second.updater.failsCheck(new Error('net::ERR_NAME_NOT_RESOLVED'));
    await settled();
    expect(second.told).toEqual([
      { tone: 'warning', message: 'Could not check for updates', detail: 'net::ERR_NAME_NOT_RESOLVED' },
    ]);
  });

  it('an updater that resolves null (inactive) ends the check; asked from the menu, it says so', async () => {
    const { updater, controller, told } = setup();
    controller.checkNow();
    updater.declinesCheck();
    await settled();
    expect(controller.status().phase).toBe('idle');
    expect(told.map((entry) => entry.message)).toEqual(['This copy of Easel cannot update itself']);
  });

  it('an install that throws is an error told to the person, not a crash', () => {
    const { updater, controller, told, failInstallWith } = setup();
    controller.checkInBackground();
    updater.findsUpdate('0.2.0');
    updater.downloaded('0.2.0');
    failInstallWith(new Error('EACCES: permission denied'));
    expect(controller.requestRestart().phase).toBe('error');
    expect(told).toEqual([
      { tone: 'warning', message: 'The update could not be installed', detail: 'EACCES: permission denied' },
    ]);
  });

  it('reads a payload that is not what electron-updater sends as an unknown version, not a crash', () => {
    const { updater, controller } = setup();
    controller.checkInBackground();
    updater.emit('update-available', { version: 42 });
    updater.emit('download-progress', { percent: 'lots' });
    updater.emit('update-downloaded', null);
    expect(controller.status()).toEqual({ phase: 'downloaded', version: 'unknown', percent: null, pending: 0 });
  });

  it('counts each window’s report once, the latest one, and bounds it', () => {
    const { controller } = setup();
    controller.reportPending(1, 5);
    controller.reportPending(1, 2);
    controller.reportPending(3, 10_000_000);
    expect(controller.status().pending).toBe(1_000_002);
    controller.forgetWindow(3);
    controller.forgetWindow(99);
    expect(controller.status().pending).toBe(2);
  });
});

describe('UpdatesOff', () => {
  it('stays idle and says why when asked from the menu', () => {
    const told: unknown[] = [];
    const off = new UpdatesOff('a development run (the app is not packaged)', (message) => told.push(message));
    off.reportPending();
    expect(off.requestRestart()).toEqual({ phase: 'idle', version: null, percent: null, pending: 0 });
    off.checkNow();
    expect(told).toEqual([
      {
        tone: 'info',
        message: 'Updates are off in this copy of Easel',
        detail: 'a development run (the app is not packaged)',
      },
    ]);
  });
});

describe('errorText', () => {
  it('keeps the first line of an error, bounded', () => {
    expect(errorText(new Error('first\nsecond'))).toBe('first');
    expect(errorText('x'.repeat(1000))).toHaveLength(300);
    expect(errorText(new Error(''))).toBe('unknown error');
  });
});
