import { describe, expect, it } from 'vitest';
import { sandboxNote } from './sandbox-note';

describe('sandboxNote', () => {
  it('says nothing while the sandbox is on', () => {
    expect(sandboxNote({ platform: 'linux', appImage: '/home/ann/Easel.AppImage', noSandbox: false })).toBeNull();
    expect(sandboxNote({ platform: 'win32', appImage: undefined, noSandbox: false })).toBeNull();
  });

  it('explains an AppImage started without the sandbox and points to the deb', () => {
    const note = sandboxNote({ platform: 'linux', appImage: '/home/ann/Easel.AppImage', noSandbox: true });
    expect(note?.event).toBe('chromium-sandbox-off');
    expect(note?.details).toMatchObject({
      reason: expect.stringMatching(/user namespaces/),
      advice: expect.stringMatching(/\.deb/),
    });
  });

  it('still says so when someone passed --no-sandbox by hand', () => {
    expect(sandboxNote({ platform: 'darwin', appImage: undefined, noSandbox: true })?.details).toEqual({
      reason: 'started with --no-sandbox',
    });
  });
});
