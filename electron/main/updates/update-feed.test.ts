import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { hasUpdateFeed } from './update-feed';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-update-feed-');
});
afterEach(() => dir.remove());

describe('hasUpdateFeed', () => {
  it('is true for the app-update.yml electron-builder writes when it knows the repository', async () => {
    const file = path.join(dir.path, 'app-update.yml');
    await writeFile(file, 'owner: easel-dev\nrepo: easel\nprovider: github\nupdaterCacheDirName: easel-updater\n');
    expect(hasUpdateFeed(file)).toBe(true);
  });

  it('is false for the one it writes without a repository, and for no file at all', async () => {
    const file = path.join(dir.path, 'app-update.yml');
    await writeFile(file, 'updaterCacheDirName: easel-updater\n');
    expect(hasUpdateFeed(file)).toBe(false);
    expect(hasUpdateFeed(path.join(dir.path, 'missing.yml'))).toBe(false);
  });
});
