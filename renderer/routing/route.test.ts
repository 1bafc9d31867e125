import { describe, expect, it } from 'vitest';
import { boardPath, routeFor } from './route';

describe('routeFor', () => {
  it('shows home at / and at the desktop app’s /index.html', () => {
    expect(routeFor('/')).toEqual({ kind: 'home' });
    expect(routeFor('/index.html')).toEqual({ kind: 'home' });
    expect(routeFor('')).toEqual({ kind: 'home' });
  });

  it('shows a board at /b/<boardId>, decoding the path once like the relay', () => {
    expect(routeFor('/b/abc-DEF_123')).toEqual({ kind: 'board', boardId: 'abc-DEF_123' });
    expect(routeFor(`/b/${'x'.repeat(64)}`)).toEqual({ kind: 'board', boardId: 'x'.repeat(64) });
    expect(routeFor('/b/abc%2D')).toEqual({ kind: 'board', boardId: 'abc-' });
    expect(routeFor(boardPath('round-trip'))).toEqual({ kind: 'board', boardId: 'round-trip' });
  });

  it('shows the join screen at /join', () => {
    expect(routeFor('/join')).toEqual({ kind: 'join' });
    expect(routeFor('/join/')).toEqual({ kind: 'not-found' });
  });

  it('is not-found for anything else', () => {
    const paths = [
      '/b/',
      '/b',
      '/b/a/b',
      '/b/bad%2Fid',
      '/b/bad.id',
      '/b/a b',
      `/b/${'x'.repeat(65)}`,
      '/b/abc/',
      '/b/%E0%A4%A',
      '/boards/abc',
      '/x',
    ];
    for (const path of paths) expect(routeFor(path), path).toEqual({ kind: 'not-found' });
  });
});
