import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/desktop/updates';
import { updateNotice } from './update-notice';

const status = (phase: UpdateStatus['phase'], extra: Partial<UpdateStatus> = {}): UpdateStatus => ({
  phase,
  version: '0.2.0',
  percent: null,
  pending: 0,
  ...extra,
});

describe('updateNotice', () => {
  it('says nothing while the update is checked for or downloads in the background', () => {
    for (const phase of ['idle', 'checking', 'available', 'not-available', 'error', 'downloading'] as const) {
      expect(updateNotice(status(phase, { percent: phase === 'downloading' ? 40 : null }))).toBeNull();
    }
    expect(updateNotice(null)).toBeNull();
  });

  it('offers the restart once downloaded, then says it waits for the changes, then that it restarts', () => {
    expect(updateNotice(status('downloaded'))).toEqual({
      message: 'Easel 0.2.0 is ready to install.',
      canRestart: true,
    });
    expect(updateNotice(status('downloaded', { version: null }))?.message).toBe('An update is ready to install.');
    expect(updateNotice(status('waiting-for-save', { pending: 1 }))).toEqual({
      message: 'Waiting for your changes to be saved before restarting… (1 change not saved yet)',
      canRestart: false,
    });
    expect(updateNotice(status('waiting-for-save', { pending: 3 }))?.message).toContain('(3 changes not saved yet)');
    expect(updateNotice(status('installing'))).toEqual({ message: 'Restarting to update…', canRestart: false });
  });
});
