import { describe, expect, it } from 'vitest';
import { boardPath, JOIN_PATH, pageRouteFor } from './page-routes';

describe('pageRouteFor', () => {
  it('names home, a board and the join screen', () => {
    for (const path of ['', '/', '/index.html']) expect(pageRouteFor(path), path).toEqual({ kind: 'home' });
    expect(pageRouteFor(boardPath('retro_1-A'))).toEqual({ kind: 'board', boardId: 'retro_1-A' });
    expect(pageRouteFor(JOIN_PATH)).toEqual({ kind: 'join' });
  });

  it('is not-found for anything else', () => {
    for (const path of ['/b/', '/b/a.b', '/b/a/b', `/b/${'x'.repeat(65)}`, '/join/', '/joinx', '/assets/a.js']) {
      expect(pageRouteFor(path), path).toEqual({ kind: 'not-found' });
    }
  });
});
