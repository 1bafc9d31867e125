import { describe, expect, it } from 'vitest';
import { clientTargetFor } from './client-paths';

describe('clientTargetFor', () => {
  it('maps the app routes to index.html', () => {
    for (const path of ['/', '/index.html', '/b/abc', '/b/A-z_09', `/b/${'x'.repeat(64)}`, '/b/ab%63']) {
      expect(clientTargetFor(path), path).toEqual({ kind: 'index' });
    }
  });

  it('maps the desktop join screen to index.html too: a browser tab there is told it is a desktop feature', () => {
    expect(clientTargetFor('/join')).toEqual({ kind: 'index' });
    expect(clientTargetFor('/%6Aoin')).toEqual({ kind: 'index' });
    expect(clientTargetFor('/join/x')).toEqual({ kind: 'none' });
  });

  it('maps /assets/… to immutable files and other top-level names to no-cache files', () => {
    expect(clientTargetFor('/assets/index-Bx1.js')).toEqual({
      kind: 'file',
      segments: ['assets', 'index-Bx1.js'],
      cache: 'immutable',
    });
    expect(clientTargetFor('/assets/fonts/a.woff2')).toMatchObject({ segments: ['assets', 'fonts', 'a.woff2'] });
    expect(clientTargetFor('/favicon.ico')).toEqual({ kind: 'file', segments: ['favicon.ico'], cache: 'no-cache' });
  });

  it('refuses board paths that are not exactly /b/<boardId>', () => {
    for (const path of [
      '/b',
      '/b/',
      '/b/a/b',
      '/b/bad%2Fid',
      '/b/bad.id',
      '/b/a%20b',
      `/b/${'x'.repeat(65)}`,
      '/b/../x',
    ]) {
      expect(clientTargetFor(path), path).toEqual({ kind: 'none' });
    }
  });

  it('refuses traversal, NUL, backslashes, dotfiles, bad encodings and deeper unknown paths', () => {
    const paths = [
      '/assets/../../etc/passwd',
      '/assets/..%2F..%2Fetc%2Fpasswd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%252e%252e/etc/passwd',
      '/assets/..%5C..%5Cetc%5Cpasswd',
      '/assets\\..\\index.html',
      '/assets/app.js%00.png',
      '/%2e%2e/etc/passwd',
      '/..',
      '/./index.html',
      '//etc/passwd',
      '/assets/',
      '/assets',
      '/.env',
      '/assets/.hidden.js',
      '/assets/%E0%A4%A',
      '/etc/passwd',
      'index.html',
      'http://evil/index.html',
    ];
    for (const path of paths) expect(clientTargetFor(path), path).toEqual({ kind: 'none' });
  });
});
