import { describe, expect, it } from 'vitest';
import {
  initialUpdateState,
  stepUpdate,
  type UpdateEffect,
  type UpdateInput,
  type UpdateState,
  updateStatusOf,
} from './update-policy';

/** Feeds the inputs in order; returns the last state, every phase passed through and every effect. */
function run(inputs: UpdateInput[], from: UpdateState = initialUpdateState('1.0.0')) {
  let state = from;
  const phases = [state.phase];
  const effects: UpdateEffect[] = [];
  for (const input of inputs) {
    const step = stepUpdate(state, input);
    state = step.state;
    if (phases.at(-1) !== state.phase) phases.push(state.phase);
    effects.push(...step.effects);
  }
  return { state, phases, effects };
}

const kinds = (effects: UpdateEffect[]) => effects.map((effect) => effect.kind);
const logs = (effects: UpdateEffect[]) => effects.flatMap((effect) => (effect.kind === 'log' ? [effect.event] : []));
const told = (effects: UpdateEffect[]) =>
  effects.flatMap((effect) => (effect.kind === 'tell' ? [{ message: effect.message, detail: effect.detail }] : []));

const quietCheck: UpdateInput = { type: 'check', manual: false };
const menuCheck: UpdateInput = { type: 'check', manual: true };
const downloadedState = run([
  quietCheck,
  { type: 'update-available', version: '1.1.0' },
  { type: 'update-downloaded', version: '1.1.0' },
]).state;

describe('update policy', () => {
  it('goes idle → checking → available → downloading → downloaded → waiting-for-save → installing', () => {
    const { phases, effects, state } = run([
      quietCheck,
      { type: 'checking-for-update' },
      { type: 'update-available', version: '1.1.0' },
      { type: 'download-progress', percent: 12.7 },
      { type: 'download-progress', percent: 99.9 },
      { type: 'update-downloaded', version: '1.1.0' },
      { type: 'pending-changed', pending: 2 },
      { type: 'restart-requested' },
      { type: 'pending-changed', pending: 1 },
      { type: 'pending-changed', pending: 0 },
    ]);
    expect(phases).toEqual([
      'idle',
      'checking',
      'available',
      'downloading',
      'downloaded',
      'waiting-for-save',
      'installing',
    ]);
    expect(kinds(effects).filter((kind) => kind === 'check' || kind === 'install')).toEqual(['check', 'install']);
    expect(logs(effects)).toEqual([
      'update-check',
      'update-available',
      'update-downloaded',
      'update-waiting-for-save',
      'update-installing',
    ]);
    expect(told(effects)).toEqual([]);
    expect(updateStatusOf(state)).toEqual({ phase: 'installing', version: '1.1.0', percent: null, pending: 0 });
  });

  it('shows whole percents while downloading, within 0-100', () => {
    const found = run([quietCheck, { type: 'update-available', version: '1.1.0' }]).state;
    const percent = (value: number) => run([{ type: 'download-progress', percent: value }], found).state.percent;
    expect(percent(12.7)).toBe(12);
    expect(percent(-3)).toBe(0);
    expect(percent(140)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
  });

  it('a download served from the cache (no progress events) is downloaded all the same', () => {
    const { phases } = run([
      quietCheck,
      { type: 'update-available', version: '1.1.0' },
      { type: 'update-downloaded', version: '1.1.0' },
    ]);
    expect(phases).toEqual(['idle', 'checking', 'available', 'downloaded']);
  });

  describe('checks', () => {
    it('a check at start that finds nothing, or fails, is one quiet log line and no dialog', () => {
      const upToDate = run([quietCheck, { type: 'update-not-available', version: '1.0.0' }]);
      expect(upToDate.state.phase).toBe('not-available');
      expect(logs(upToDate.effects)).toEqual(['update-check', 'update-not-available']);
      expect(told(upToDate.effects)).toEqual([]);

      const failed = run([quietCheck, { type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' }]);
      expect(failed.state.phase).toBe('error');
      expect(failed.effects).toEqual([
        { kind: 'log', event: 'update-check', details: { manual: false } },
        { kind: 'check' },
        { kind: 'log', event: 'update-check-failed', details: { error: 'net::ERR_INTERNET_DISCONNECTED' } },
      ]);
    });

    it('a check from the menu tells its outcome: up to date, available, or briefly why it failed', () => {
      expect(told(run([menuCheck, { type: 'update-not-available', version: '1.0.0' }]).effects)).toEqual([
        { message: 'Easel is up to date', detail: 'Version 1.0.0 is the newest.' },
      ]);
      expect(told(run([menuCheck, { type: 'update-available', version: '1.1.0' }]).effects)).toEqual([
        {
          message: 'Easel 1.1.0 is available',
          detail: 'It downloads in the background; you will be asked to restart.',
        },
      ]);
      const failed = run([menuCheck, { type: 'error', message: 'HttpError: 404' }]).effects;
      expect(told(failed)).toEqual([{ message: 'Could not check for updates', detail: 'HttpError: 404' }]);
      expect(failed.find((effect) => effect.kind === 'tell')).toMatchObject({ tone: 'warning' });
    });

    it('only the check that was asked for tells: a later quiet check is quiet again', () => {
      const { effects } = run([
        menuCheck,
        { type: 'update-not-available', version: '1.0.0' },
        quietCheck,
        { type: 'update-not-available', version: '1.0.0' },
      ]);
      expect(told(effects)).toHaveLength(1);
      expect(kinds(effects).filter((kind) => kind === 'check')).toHaveLength(2);
    });

    it('a menu check during a check does not start another, but its outcome is told', () => {
      const { effects } = run([quietCheck, menuCheck, { type: 'update-not-available', version: '1.0.0' }]);
      expect(kinds(effects).filter((kind) => kind === 'check')).toHaveLength(1);
      expect(told(effects)).toEqual([{ message: 'Easel is up to date', detail: 'Version 1.0.0 is the newest.' }]);
    });

    it('a check after a failure or "up to date" starts again; one during a download does not', () => {
      expect(kinds(run([quietCheck, { type: 'error', message: 'x' }, quietCheck]).effects)).toContain('check');
      const downloading = run([
        quietCheck,
        { type: 'update-available', version: '1.1.0' },
        { type: 'download-progress', percent: 5 },
        quietCheck,
        menuCheck,
      ]);
      expect(kinds(downloading.effects).filter((kind) => kind === 'check')).toHaveLength(1);
      expect(told(downloading.effects)).toEqual([
        { message: 'Easel 1.1.0 is downloading', detail: 'You will be asked to restart once it is ready.' },
      ]);
    });

    it('a menu check with an update already downloaded says it is ready instead of checking', () => {
      const { effects, state } = run([menuCheck], downloadedState);
      expect(kinds(effects)).toEqual(['tell']);
      expect(told(effects)[0]?.message).toBe('Easel 1.1.0 is ready to install');
      expect(state.phase).toBe('downloaded');
    });

    it('an updater that declines to check (not an AppImage, say) goes back to idle, and tells only when asked', () => {
      expect(run([quietCheck, { type: 'check-skipped' }]).state.phase).toBe('idle');
      expect(told(run([quietCheck, { type: 'check-skipped' }]).effects)).toEqual([]);
      expect(told(run([menuCheck, { type: 'check-skipped' }]).effects)).toEqual([
        {
          message: 'This copy of Easel cannot update itself',
          detail: 'Install Easel from its release page to get updates.',
        },
      ]);
    });

    it('a failed download is logged quietly and leaves nothing to install', () => {
      const { state, effects } = run([
        menuCheck,
        { type: 'update-available', version: '1.1.0' },
        { type: 'download-progress', percent: 40 },
        { type: 'error', message: 'sha512 checksum mismatch' },
        { type: 'restart-requested' },
      ]);
      expect(state.phase).toBe('error');
      expect(logs(effects)).toContain('update-download-failed');
      expect(told(effects).map((entry) => entry.message)).toEqual(['Easel 1.1.0 is available']);
      expect(kinds(effects)).not.toContain('install');
    });
  });

  describe('restarting to update', () => {
    it('installs at once when no window has unacknowledged changes', () => {
      const { state, effects } = run([{ type: 'restart-requested' }], downloadedState);
      expect(state.phase).toBe('installing');
      expect(kinds(effects)).toEqual(['log', 'install']);
    });

    it('never installs while a change is unacknowledged: it waits, then installs once', () => {
      const waiting = run([{ type: 'pending-changed', pending: 1 }, { type: 'restart-requested' }], downloadedState);
      expect(waiting.state.phase).toBe('waiting-for-save');
      expect(kinds(waiting.effects)).not.toContain('install');

      const moreEdits = run(
        [
          { type: 'pending-changed', pending: 3 },
          { type: 'restart-requested' },
          { type: 'pending-changed', pending: 2 },
        ],
        waiting.state,
      );
      expect(moreEdits.state).toMatchObject({ phase: 'waiting-for-save', pending: 2 });
      expect(kinds(moreEdits.effects)).not.toContain('install');

      const saved = run(
        [
          { type: 'pending-changed', pending: 0 },
          { type: 'pending-changed', pending: 0 },
          { type: 'pending-changed', pending: 1 },
        ],
        moreEdits.state,
      );
      expect(saved.phases).toEqual(['waiting-for-save', 'installing']);
      expect(kinds(saved.effects).filter((kind) => kind === 'install')).toHaveLength(1);
    });

    it('changes being saved do not install anything until a restart is asked for', () => {
      const { state, effects } = run(
        [
          { type: 'pending-changed', pending: 4 },
          { type: 'pending-changed', pending: 0 },
        ],
        downloadedState,
      );
      expect(state.phase).toBe('downloaded');
      expect(effects).toEqual([]);
    });

    it('a restart asked for with nothing downloaded does nothing', () => {
      for (const before of [
        initialUpdateState('1.0.0'),
        run([quietCheck]).state,
        run([quietCheck, { type: 'update-available', version: '1.1.0' }]).state,
      ]) {
        const { state, effects } = run([{ type: 'restart-requested' }], before);
        expect(state).toEqual(before);
        expect(effects).toEqual([]);
      }
    });

    it('an install that fails is logged and told (the person asked for it), and is not retried', () => {
      const { state, effects } = run(
        [{ type: 'restart-requested' }, { type: 'error', message: 'No update filepath provided' }],
        downloadedState,
      );
      expect(state.phase).toBe('error');
      expect(logs(effects)).toEqual(['update-installing', 'update-install-failed']);
      expect(told(effects)).toEqual([
        { message: 'The update could not be installed', detail: 'No update filepath provided' },
      ]);
      expect(run([{ type: 'pending-changed', pending: 0 }], state).effects).toEqual([]);
    });

    it('events that arrive late do not undo a downloaded update or an install under way', () => {
      for (const input of [
        { type: 'update-available', version: '1.2.0' },
        { type: 'download-progress', percent: 50 },
        { type: 'update-not-available', version: '1.0.0' },
        { type: 'checking-for-update' },
      ] satisfies UpdateInput[]) {
        expect(run([input], downloadedState).state).toEqual(downloadedState);
      }
      const installing = run([{ type: 'restart-requested' }], downloadedState).state;
      expect(run([{ type: 'update-downloaded', version: '1.2.0' }], installing).state).toEqual(installing);
    });
  });
});
