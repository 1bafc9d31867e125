import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileDirectory } from './profile';

const appDataDir = path.resolve('/home/ann/.config');
const installed = { isPackaged: true, appDataDir, appName: 'Easel', userDataSwitch: '' };
const fromSource = { ...installed, isPackaged: false };

describe('profileDirectory', () => {
  it('leaves the installed app on the default profile', () => {
    expect(profileDirectory(installed)).toBe(undefined);
  });

  it('gives a run from the source tree a profile of its own beside the installed one', () => {
    expect(profileDirectory(fromSource)).toBe(path.join(appDataDir, 'Easel-dev'));
  });

  it('uses the folder --user-data-dir names, made absolute, in either build', () => {
    expect(profileDirectory({ ...fromSource, userDataSwitch: 'e2e/profile-1' })).toBe(path.resolve('e2e/profile-1'));
    expect(profileDirectory({ ...installed, userDataSwitch: '/tmp/second' })).toBe(path.resolve('/tmp/second'));
  });
});
