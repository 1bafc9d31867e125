import { describe, expect, it } from 'vitest';
import { createPlatform, isDesktop, MemoryFiles } from './index';

describe('choosing the platform', () => {
  it('is the desktop only where the preload says so', () => {
    expect(isDesktop({ easel: { platform: 'desktop' } })).toBe(true);
    expect(isDesktop({})).toBe(false);
    expect(isDesktop({ easel: { platform: 'web' } })).toBe(false);
    expect(isDesktop({ easel: {} })).toBe(false);
  });

  it('names itself after the host and offers files on both', () => {
    for (const [host, kind] of [
      [{}, 'web'],
      [{ easel: { platform: 'desktop' } }, 'desktop'],
    ] as const) {
      const platform = createPlatform(host);
      expect(platform.kind).toBe(kind);
      expect(typeof platform.saveFile).toBe('function');
      expect(typeof platform.openFile).toBe('function');
    }
  });
});

describe('MemoryFiles', () => {
  it('keeps what is saved, unless the save dialog is cancelled', async () => {
    const files = new MemoryFiles();
    expect(await files.saveFile({ suggestedName: 'a.svg', mimeType: 'image/svg+xml', data: '<svg/>' })).toBe('saved');
    files.saveAnswer = 'cancelled';
    expect(await files.saveFile({ suggestedName: 'b.svg', mimeType: 'image/svg+xml', data: '<svg/>' })).toBe(
      'cancelled',
    );
    expect(files.saved).toEqual([{ name: 'a.svg', mimeType: 'image/svg+xml', data: '<svg/>' }]);
  });

  it('opens the queued file once, as UTF-8, and null when the user cancels', async () => {
    const files = new MemoryFiles();
    files.willOpen('b.easel', 'é');
    expect(await files.openFile({ accept: ['.easel'] })).toEqual({
      name: 'b.easel',
      bytes: new Uint8Array([0xc3, 0xa9]),
    });
    expect(await files.openFile({ accept: ['.easel'] })).toBeNull();
    expect(files.openRequests).toEqual([{ accept: ['.easel'] }, { accept: ['.easel'] }]);
  });
});
