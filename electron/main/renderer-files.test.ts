import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardPath, JOIN_PATH } from '../../shared/routes/page-routes';
import { rendererFileFor } from './renderer-files';

describe('rendererFileFor', () => {
  const root = path.resolve('/app/out/renderer');

  it('maps app URLs to files under the renderer folder', () => {
    expect(rendererFileFor(root, 'app://easel/', 'easel')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://easel/assets/index-1.js?x=1', 'easel')).toBe(
      path.join(root, 'assets/index-1.js'),
    );
  });

  it("serves the page for the renderer's board routes, and nothing for bad board ids", () => {
    expect(rendererFileFor(root, 'app://easel/b/abc_DEF-1', 'easel')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://easel/b/a.b', 'easel')).toBeNull();
    expect(rendererFileFor(root, 'app://easel/b/a%20b', 'easel')).toBeNull();
  });

  it('serves the page for every route the renderer has, so reloading any screen works', () => {
    for (const route of ['/', '/index.html', JOIN_PATH, boardPath('retro'), `${JOIN_PATH}?relay=x#y`]) {
      expect(rendererFileFor(root, `app://easel${route}`, 'easel'), route).toBe(path.join(root, 'index.html'));
    }
    expect(rendererFileFor(root, 'app://easel/%6Aoin', 'easel')).toBe(path.join(root, 'index.html'));
  });

  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(rendererFileFor(root, 'app://easel/../secrets.txt', 'easel')).toBe(path.join(root, 'secrets.txt'));
    expect(rendererFileFor(root, 'app://easel/%2e%2e/%2e%2e/etc/passwd', 'easel')).toBe(path.join(root, 'etc/passwd'));
  });

  it('refuses other hosts, escapes and junk', () => {
    for (const url of [
      'app://other/index.html',
      'app://easel/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://easel/%E0%A4%A',
      'app://easel/a%00b',
      'not a url',
    ]) {
      expect(rendererFileFor(root, url, 'easel'), url).toBeNull();
    }
  });
});
