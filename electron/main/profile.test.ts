import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileDirectory } from './profile';

const appDataDir = path.resolve('/home/ann/.config');

describe('profileDirectory', () => {
  it('leaves the installed app on the default profile, even when EASEL_USER_DATA_DIR is set', () => {
    expect(profileDirectory({ isPackaged: true, appDataDir, appName: 'Easel', overrideDir: undefined })).toBe(
      undefined,
    );
    expect(profileDirectory({ isPackaged: true, appDataDir, appName: 'Easel', overrideDir: '/tmp/p' })).toBe(undefined);
  });

  it('gives a run from the source tree a profile of its own beside the installed one', () => {
    expect(profileDirectory({ isPackaged: false, appDataDir, appName: 'Easel', overrideDir: undefined })).toBe(
      path.join(appDataDir, 'Easel-dev'),
    );
    expect(profileDirectory({ isPackaged: false, appDataDir, appName: 'Easel', overrideDir: '' })).toBe(
      path.join(appDataDir, 'Easel-dev'),
    );
  });

  it('uses the folder a test names, made absolute', () => {
    expect(profileDirectory({ isPackaged: false, appDataDir, appName: 'Easel', overrideDir: 'e2e/profile-1' })).toBe(
      path.resolve('e2e/profile-1'),
    );
  });
});
