import { describe, expect, it } from 'vitest';
import { MAX_GROUP_DEPTH } from '../limits';
import { exampleShape } from './examples';
import { groupPathOf, groupPathPatch, isLocked, outermostGroupOf, parseShape } from './index';

describe('groups and locks in the board model', () => {
  it('still reads boards made before nested groups: an old groupId is a group of one level', () => {
    const old = parseShape(exampleShape('rect', { groupId: 'g1' }));
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(groupPathOf(old.shape)).toEqual(['g1']);
    expect(outermostGroupOf(old.shape)).toBe('g1');
    expect(groupPathOf(exampleShape('rect'))).toEqual([]);
    expect(outermostGroupOf(exampleShape('rect'))).toBeUndefined();
    expect(isLocked(exampleShape('rect'))).toBe(false);
  });

  it('reads nested groups innermost first, and the new path wins over an old groupId', () => {
    const nested = exampleShape('rect', { groupIds: ['inner', 'outer'], groupId: 'stale' });
    expect(parseShape(nested).ok).toBe(true);
    expect(groupPathOf(nested)).toEqual(['inner', 'outer']);
    expect(outermostGroupOf(nested)).toBe('outer');
  });

  it('writes only groupIds, and no field at all for no group', () => {
    expect(groupPathPatch(['a', 'b'])).toEqual({ groupIds: ['a', 'b'], groupId: undefined });
    expect(groupPathPatch([])).toEqual({ groupIds: undefined, groupId: undefined });
  });

  it('checks groupIds and locked', () => {
    const error = (overrides: object) => {
      const result = parseShape({ ...exampleShape('rect'), ...overrides });
      return result.ok ? 'ok' : result.error;
    };
    expect(error({ groupIds: [] })).toMatch(/^groupIds: /);
    expect(error({ groupIds: ['a', 'a'] })).toMatch(/^groupIds: .*twice/);
    expect(error({ groupIds: ['bad id'] })).toMatch(/^groupIds\[0\]: /);
    expect(error({ groupIds: Array.from({ length: MAX_GROUP_DEPTH + 1 }, (_, i) => `g${i}`) })).toMatch(/^groupIds: /);
    expect(error({ groupIds: Array.from({ length: MAX_GROUP_DEPTH }, (_, i) => `g${i}`) })).toBe('ok');
    expect(error({ locked: true })).toBe('ok');
    expect(error({ locked: 'yes' })).toMatch(/^locked: /);
  });
});
