import { describe, expect, it } from 'vitest';
import type { RelayInfo } from '../../../shared/desktop';
import { pageUrlAfterMove } from './relay-moves';

const origins = ['app://easel'];
const moved: RelayInfo = { state: 'running', url: 'http://127.0.0.1:4455', token: 'host', sharing: true };
const before = 'http://127.0.0.1:38211';

describe('pageUrlAfterMove', () => {
  it('points a page on the old local relay at the new one, keeping its route and other parameters', () => {
    expect(
      pageUrlAfterMove(
        `app://easel/b/retro?relay=${encodeURIComponent(before)}&t=host&name=Ann`,
        before,
        moved,
        origins,
      ),
    ).toBe('app://easel/b/retro?relay=http%3A%2F%2F127.0.0.1%3A4455&t=host&name=Ann');
    expect(pageUrlAfterMove('app://easel/index.html', null, moved, origins)).toBe(
      'app://easel/index.html?relay=http%3A%2F%2F127.0.0.1%3A4455&t=host',
    );
  });

  it('leaves alone a page already there, a page on a remote relay, and pages that are not ours', () => {
    const here = `app://easel/b/x?relay=${encodeURIComponent(moved.url!)}&t=host`;
    expect(pageUrlAfterMove(here, before, moved, origins)).toBeNull();
    const remote = 'app://easel/b/x?relay=http%3A%2F%2F192.168.1.9%3A4455&t=guest';
    expect(pageUrlAfterMove(remote, before, moved, origins)).toBeNull();
    expect(pageUrlAfterMove(`https://evil.example/?relay=${before}`, before, moved, origins)).toBeNull();
  });

  it('waits while the relay is not running', () => {
    const page = `app://easel/?relay=${encodeURIComponent(before)}&t=host`;
    expect(pageUrlAfterMove(page, before, { ...moved, state: 'restarting' }, origins)).toBeNull();
    expect(pageUrlAfterMove(page, before, { ...moved, url: null }, origins)).toBeNull();
  });
});
