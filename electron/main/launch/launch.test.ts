import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaunchOpen } from '../../../shared/desktop';
import { tempDir } from '../../../tests/support/temp-dir';
import { waitFor } from '../../../tests/support/wait';
import { FileService } from '../files/file-service';
import { LaunchQueue, launchResolver } from './launch-queue';
import { type LaunchRequest, launchRequestFromUrl, launchRequestsFrom } from './launch-requests';

describe('launchRequestsFrom', () => {
  it('picks board files (resolved against the working directory) and easel links, in order', () => {
    const argv = [
      '/opt/Easel/easel',
      '--no-sandbox',
      '.',
      'boards/retro.easel',
      'easel://join?relay=http%3A%2F%2F192.168.1.2%3A4455&board=retro&t=abc',
      '/home/ann/Plan.EASEL',
      'notes.txt',
      '--original-process-start-time=1',
    ];
    expect(launchRequestsFrom(argv, '/home/ann')).toEqual([
      { kind: 'file', path: '/home/ann/boards/retro.easel' },
      { kind: 'join', target: { relayUrl: 'http://192.168.1.2:4455', boardId: 'retro', token: 'abc' } },
      { kind: 'file', path: '/home/ann/Plan.EASEL' },
    ]);
  });

  it('turns a bad easel link into an invalid request with a reason', () => {
    expect(launchRequestFromUrl('easel://join?relay=javascript:alert(1)')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('http'),
    });
    expect(launchRequestsFrom(['easel://format-disk'], '/')).toMatchObject([{ kind: 'invalid' }]);
  });

  it('takes at most ten requests from one command line', () => {
    expect(
      launchRequestsFrom(
        Array.from({ length: 50 }, (_, i) => `b${i}.easel`),
        '/',
      ),
    ).toHaveLength(10);
  });
});

describe('LaunchQueue with real files', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let files: FileService;
  beforeEach(async () => {
    dir = await tempDir('easel-launch-');
    files = new FileService(
      {
        showOpenDialog: () => Promise.reject(new Error('no dialogs at launch')),
        showSaveDialog: () => Promise.reject(new Error('no dialogs at launch')),
      },
      { defaultDir: () => dir.path },
    );
  });
  afterEach(() => dir.remove());

  const resolve = (request: LaunchRequest) => launchResolver(files)(request);

  it('holds requests until the renderer takes them, then delivers as they come', async () => {
    const board = path.join(dir.path, 'retro.easel');
    await fs.writeFile(board, '{"format":"easel"}');
    const delivered: LaunchOpen[] = [];
    const queue = new LaunchQueue(resolve, (open) => delivered.push(open) > 0);

    queue.add([
      { kind: 'file', path: board },
      { kind: 'file', path: path.join(dir.path, 'gone.easel') },
    ]);
    expect(delivered).toEqual([]);
    const taken = await queue.take();
    expect(taken).toEqual([
      {
        kind: 'file',
        file: { path: board, name: 'retro.easel', bytes: new TextEncoder().encode('{"format":"easel"}') },
      },
      { kind: 'invalid', input: path.join(dir.path, 'gone.easel'), message: expect.stringContaining('does not exist') },
    ]);

    const link = launchRequestFromUrl('easel://join?relay=http%3A%2F%2Fh%3A1');
    queue.add([link]);
    await waitFor(() => delivered.length === 1, 'the link to be delivered');
    expect(delivered).toEqual([link]);

    // The file opened at launch may now be saved back to.
    await files.write({ path: board, bytes: new TextEncoder().encode('saved') });
    expect(await fs.readFile(board, 'utf8')).toBe('saved');
  });

  it('holds requests again while the window reloads', async () => {
    const delivered: LaunchOpen[] = [];
    const queue = new LaunchQueue(resolve, (open) => delivered.push(open) > 0);
    await queue.take();
    queue.reset();
    queue.add([launchRequestFromUrl('easel://join?relay=http%3A%2F%2Fh%3A1')]);
    await new Promise((done) => setTimeout(done, 20));
    expect(delivered).toEqual([]);
    expect(await queue.take()).toMatchObject([{ kind: 'join' }]);
  });

  it('keeps what arrives while no window is open (macOS), for the next window to take', async () => {
    const delivered: LaunchOpen[] = [];
    let windowOpen = true;
    const queue = new LaunchQueue(resolve, (open) => windowOpen && delivered.push(open) > 0);
    await queue.take();
    windowOpen = false;
    const first = launchRequestFromUrl('easel://join?relay=http%3A%2F%2Fh%3A1');
    const second = launchRequestFromUrl('easel://join?relay=http%3A%2F%2Fh%3A2');
    queue.add([first]);
    await waitFor(() => queue.waiting === 1, 'the link to wait');
    queue.add([second]);
    await waitFor(() => queue.waiting === 2, 'the second link to wait');
    expect(delivered).toEqual([]);

    windowOpen = true;
    expect(await queue.take()).toEqual([first, second]);
    const third = launchRequestFromUrl('easel://join?relay=http%3A%2F%2Fh%3A3');
    queue.add([third]);
    await waitFor(() => delivered.length === 1, 'the next link to be delivered');
    expect(delivered).toEqual([third]);
  });
});
