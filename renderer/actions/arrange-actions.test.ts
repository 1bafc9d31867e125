import { describe, expect, it } from 'vitest';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

const registry = createDefaultActions();

function board(selected: string[]) {
  const ctx = createTestContext();
  ctx.board.create(['a', 'b', 'c', 'd'].map((id) => rect(id)));
  ctx.undo.clear();
  ctx.ui.getState().select(selected);
  return { ctx, ids: () => ctx.board.all().map((shape) => shape.id) };
}

describe('arrange actions', () => {
  it.each([
    [{ key: ']' }, ['a', 'c', 'b', 'd']],
    [{ key: '[' }, ['b', 'a', 'c', 'd']],
    [{ key: ']', ctrlKey: true }, ['a', 'c', 'd', 'b']],
    [{ key: '[', ctrlKey: true }, ['b', 'a', 'c', 'd']],
  ])('move the selection in z-order on %o, in one undo step', (event, order) => {
    const { ctx, ids } = board(['b']);
    expect(registry.handleKeyDown(event, ctx)).toBeDefined();
    expect(ids()).toEqual(order);
    registry.perform('edit.undo', ctx);
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
    expect(ctx.undo.canUndo).toBe(false);
  });

  it('move several selected shapes as a block', () => {
    const { ctx, ids } = board(['a', 'c']);
    registry.perform('arrange.bringToFront', ctx);
    expect(ids()).toEqual(['b', 'd', 'a', 'c']);
  });

  it('are disabled when the move would change nothing', () => {
    const top = board(['d']).ctx;
    expect(registry.isEnabled('arrange.bringForward', top)).toBe(false);
    expect(registry.isEnabled('arrange.bringToFront', top)).toBe(false);
    expect(registry.isEnabled('arrange.sendBackward', top)).toBe(true);
    const bottom = board(['a', 'b']).ctx;
    expect(registry.isEnabled('arrange.sendToBack', bottom)).toBe(false);
    expect(registry.isEnabled('arrange.sendBackward', bottom)).toBe(false);
    const none = board([]).ctx;
    for (const action of registry.all().filter((each) => each.group === 'arrange')) {
      expect(registry.isEnabled(action, none), action.id).toBe(false);
    }
  });
});
