import { describe, expect, it } from 'vitest';
import type { EaselDesktopApi } from '../../shared/desktop/api';
import type { DesktopResult, OpenFileResult, SaveFileResult } from '../../shared/desktop/schemas';
import { desktopPlatform, openKindFor, saveKindFor } from './desktop';

type Files = EaselDesktopApi['files'];

/**
 * `window.easel.files` in memory, with the main process's rule (FileService):
 * a path may be written again only after a dialog handed it out. The test
 * queues what the dialogs answer.
 */
class FakeDesktopFiles implements Files {
  readonly disk = new Map<string, Uint8Array>();
  readonly calls: string[] = [];
  private readonly granted = new Set<string>();
  saveAnswers: (string | null)[] = [];
  openAnswer: { path: string; bytes: Uint8Array } | null = null;
  failNext: DesktopResult<never> | null = null;

  open: Files['open'] = async ({ kind }) => {
    this.calls.push(`open ${kind}`);
    const failure = this.takeFailure();
    if (failure) return failure;
    const answer = this.openAnswer;
    const value: OpenFileResult = answer
      ? { canceled: false, file: { path: answer.path, name: answer.path.split('/').pop() ?? '', bytes: answer.bytes } }
      : { canceled: true };
    return { ok: true, value };
  };

  save: Files['save'] = async ({ kind, suggestedName, bytes }) => {
    this.calls.push(`save ${kind} ${suggestedName}`);
    const failure = this.takeFailure();
    if (failure) return failure;
    const answer = this.saveAnswers.shift();
    if (answer === undefined) throw new Error('the save dialog was shown but the test queued no answer');
    if (answer === null) return { ok: true, value: { canceled: true } satisfies SaveFileResult };
    this.granted.add(answer);
    this.disk.set(answer, bytes);
    return { ok: true, value: { canceled: false, path: answer } };
  };

  write: Files['write'] = async ({ path, bytes }) => {
    this.calls.push(`write ${path}`);
    const failure = this.takeFailure();
    if (failure) return failure;
    if (!this.granted.has(path)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Easel writes only to files chosen in a dialog.' } };
    }
    this.disk.set(path, bytes);
    return { ok: true, value: { path } };
  };

  private takeFailure(): DesktopResult<never> | null {
    const failure = this.failNext;
    this.failNext = null;
    return failure;
  }
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const board = (data: string, extra: object = {}) => ({
  suggestedName: 'retro.easel',
  mimeType: 'application/json',
  data,
  documentKey: 'board:retro',
  ...extra,
});

describe('desktop platform: saving', () => {
  it('asks where the first time, then writes the same file again without asking', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.saveAnswers = ['/docs/retro.easel'];
    expect(await platform.saveFile(board('one'))).toBe('saved');
    expect(await platform.saveFile(board('two'))).toBe('saved');
    expect(files.calls).toEqual(['save board retro.easel', 'write /docs/retro.easel']);
    expect(text(files.disk.get('/docs/retro.easel'))).toBe('two');
  });

  it('Save As asks every time and later saves go to the new place', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.saveAnswers = ['/docs/a.easel', '/docs/b.easel'];
    await platform.saveFile(board('one'));
    await platform.saveFile(board('two', { askWhere: true }));
    await platform.saveFile(board('three'));
    expect(files.calls).toEqual(['save board retro.easel', 'save board retro.easel', 'write /docs/b.easel']);
    expect(text(files.disk.get('/docs/a.easel'))).toBe('one');
    expect(text(files.disk.get('/docs/b.easel'))).toBe('three');
  });

  it('a cancelled dialog saves nothing and remembers nothing', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.saveAnswers = [null, '/docs/later.easel'];
    expect(await platform.saveFile(board('one'))).toBe('cancelled');
    expect(await platform.saveFile(board('two'))).toBe('saved');
    expect(files.calls).toEqual(['save board retro.easel', 'save board retro.easel']);
  });

  it('exports always ask, each with its own kind; other boards do not share a remembered file', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.saveAnswers = ['/docs/a.png', '/docs/a.svg', '/docs/a.png', '/docs/other.easel'];
    const png = new Uint8Array([0x89, 0x50]);
    await platform.saveFile({ suggestedName: 'a.png', mimeType: 'image/png', data: new Blob([png]) });
    await platform.saveFile({ suggestedName: 'a.svg', mimeType: 'image/svg+xml', data: '<svg/>' });
    await platform.saveFile({ suggestedName: 'a.png', mimeType: 'image/png', data: png });
    await platform.saveFile(board('x', { documentKey: 'board:other' }));
    expect(files.calls).toEqual(['save png a.png', 'save svg a.svg', 'save png a.png', 'save board retro.easel']);
    expect([...(files.disk.get('/docs/a.png') ?? [])]).toEqual([0x89, 0x50]);
  });

  it('a refusal from the main process is an error in its words; a file that cannot be written again is asked for anew', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.failNext = { ok: false, error: { code: 'IO_ERROR', message: 'The disk is full.' } };
    await expect(platform.saveFile(board('one'))).rejects.toThrow('The disk is full.');
    files.saveAnswers = ['/docs/retro.easel', '/docs/again.easel'];
    await platform.saveFile(board('one'));
    files.failNext = { ok: false, error: { code: 'IO_ERROR', message: 'Permission denied: /docs/retro.easel' } };
    await expect(platform.saveFile(board('two'))).rejects.toThrow('Permission denied');
    await platform.saveFile(board('three'));
    expect(files.calls.slice(-2)).toEqual(['write /docs/retro.easel', 'save board retro.easel']);
    expect(text(files.disk.get('/docs/again.easel'))).toBe('three');
  });

  it('refuses a type it has no dialog for, before asking anything', async () => {
    const files = new FakeDesktopFiles();
    await expect(
      desktopPlatform({ files }).saveFile({ suggestedName: 'a.txt', mimeType: 'text/plain', data: 'x' }),
    ).rejects.toThrow('cannot save files of type text/plain');
    expect(files.calls).toEqual([]);
  });
});

describe('desktop platform: opening', () => {
  it('opens a board through the native dialog, and null when cancelled', async () => {
    const files = new FakeDesktopFiles();
    const platform = desktopPlatform({ files });
    files.openAnswer = { path: '/docs/retro.easel', bytes: new Uint8Array([1, 2]) };
    expect(await platform.openFile({ accept: ['.easel', '.json', 'application/json'] })).toEqual({
      name: 'retro.easel',
      bytes: new Uint8Array([1, 2]),
    });
    files.openAnswer = null;
    expect(await platform.openFile({ accept: ['.easel'] })).toBeNull();
    expect(files.calls).toEqual(['open board', 'open board']);
  });

  it('a failed read is an error with the main process’s reason', async () => {
    const files = new FakeDesktopFiles();
    files.failNext = { ok: false, error: { code: 'TOO_LARGE', message: 'big.easel is larger than 64 MB.' } };
    await expect(desktopPlatform({ files }).openFile({ accept: ['.easel'] })).rejects.toThrow(
      'big.easel is larger than 64 MB.',
    );
  });
});

describe('dialog kinds', () => {
  it('maps MIME types to save kinds and accept lists to open kinds', () => {
    expect(saveKindFor('application/json')).toBe('board');
    expect(saveKindFor('image/svg+xml; charset=utf-8')).toBe('svg');
    expect(saveKindFor('IMAGE/PNG')).toBe('png');
    expect(saveKindFor('application/pdf')).toBe('pdf');
    expect(openKindFor(['.easel', '.json'])).toBe('board');
    expect(openKindFor(['image/png'])).toBe('image');
    expect(openKindFor(['.webp'])).toBe('image');
    expect(() => openKindFor(['.txt'])).toThrow('no open dialog for .txt');
  });
});
