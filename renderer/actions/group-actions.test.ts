import { describe, expect, it } from 'vitest';
import { groupPathOf } from '../../shared/model';
import { createDefaultActions } from './registry';
import { createTestContext, keyPress, rect } from './test-context';

const registry = createDefaultActions();

function board() {
  const ctx = createTestContext();
  ctx.board.create([rect('a', { x: 0 }), rect('b', { x: 200 }), rect('c', { x: 400 }), rect('d', { x: 600 })]);
  ctx.undo.clear();
  const path = (id: string) => groupPathOf(ctx.board.get(id)!);
  return { ctx, path };
}

describe('group and ungroup', () => {
  it('Ctrl+G groups the selection in one undo step; Ctrl+Shift+G takes the group apart', () => {
    const { ctx, path } = board();
    expect(registry.isEnabled('arrange.group', ctx)).toBe(false);
    ctx.ui.getState().select(['a', 'b']);
    expect(registry.handleKeyDown(keyPress({ key: 'g', mod: true }, false), ctx)?.id).toBe('arrange.group');
    const [group] = path('a');
    expect(group).toBeDefined();
    expect(path('b')).toEqual([group]);
    expect(ctx.board.get('a')).not.toHaveProperty('groupId');
    // The selection is one group now: grouping it again would change nothing.
    expect(registry.isEnabled('arrange.group', ctx)).toBe(false);
    expect(registry.handleKeyDown(keyPress({ key: 'g', mod: true, shift: true }, false), ctx)?.id).toBe(
      'arrange.ungroup',
    );
    expect(path('a')).toEqual([]);
    expect(ctx.board.get('a')).not.toHaveProperty('groupIds');
    expect(ctx.ui.getState().selection).toEqual(['a', 'b']);
    registry.perform('edit.undo', ctx);
    expect(path('a')).toEqual([group]);
    registry.perform('edit.undo', ctx);
    expect(path('a')).toEqual([]);
    expect(ctx.undo.canUndo).toBe(false);
  });

  it('nests groups, and ungroup removes only the outermost level', () => {
    const { ctx, path } = board();
    ctx.ui.getState().select(['a', 'b']);
    registry.perform('arrange.group', ctx);
    const [inner] = path('a');
    ctx.ui.getState().select(['a', 'b', 'c']);
    registry.perform('arrange.group', ctx);
    const outer = path('c')[0];
    expect(path('a')).toEqual([inner, outer]);
    registry.perform('arrange.ungroup', ctx);
    expect(path('a')).toEqual([inner]);
    expect(path('c')).toEqual([]);
  });

  it('ungroups a board made before nested groups (an old groupId)', () => {
    const ctx = createTestContext();
    ctx.board.create([rect('a', { groupId: 'old' }), rect('b', { groupId: 'old' })]);
    ctx.ui.getState().select(['a', 'b']);
    expect(registry.isEnabled('arrange.ungroup', ctx)).toBe(true);
    registry.perform('arrange.ungroup', ctx);
    expect(ctx.board.get('a')).not.toHaveProperty('groupId');
    expect(groupPathOf(ctx.board.get('b')!)).toEqual([]);
  });
});

describe('lock and unlock', () => {
  it('Ctrl+Shift+L locks the selection and lets go of it; Unlock at a point unlocks that shape and selects it', () => {
    const { ctx } = board();
    ctx.ui.getState().select(['b']);
    expect(registry.handleKeyDown(keyPress({ key: 'l', mod: true, shift: true }, false), ctx)?.id).toBe('arrange.lock');
    expect(ctx.board.get('b')?.locked).toBe(true);
    expect(ctx.ui.getState().selection).toEqual([]);
    ctx.pointerAt = { x: 20, y: 40 }; // on a, which is not locked
    expect(registry.isEnabled('arrange.unlock', ctx)).toBe(false);
    ctx.pointerAt = { x: 210, y: 21 }; // on b's outline
    expect(registry.isEnabled('arrange.unlock', ctx)).toBe(true);
    registry.perform('arrange.unlock', ctx, { at: ctx.pointerAt });
    expect(ctx.board.get('b')).not.toHaveProperty('locked');
    expect(ctx.ui.getState().selection).toEqual(['b']);
    registry.perform('edit.undo', ctx);
    expect(ctx.board.get('b')?.locked).toBe(true);
  });

  it('Unlock all unlocks every locked shape in one step; a locked group unlocks whole', () => {
    const { ctx } = board();
    ctx.ui.getState().select(['a', 'b']);
    registry.perform('arrange.group', ctx);
    registry.perform('arrange.lock', ctx);
    ctx.ui.getState().select(['d']);
    registry.perform('arrange.lock', ctx);
    expect(
      ctx.board
        .all()
        .filter((shape) => shape.locked)
        .map((shape) => shape.id),
    ).toEqual(['a', 'b', 'd']);
    ctx.pointerAt = { x: 1, y: 40 }; // on a's outline
    registry.perform('arrange.unlock', ctx, { at: ctx.pointerAt });
    expect(ctx.ui.getState().selection).toEqual(['a', 'b']);
    expect(registry.isEnabled('arrange.unlockAll', ctx)).toBe(true);
    registry.perform('arrange.unlockAll', ctx);
    expect(ctx.board.all().some((shape) => shape.locked)).toBe(false);
    expect(registry.isEnabled('arrange.unlockAll', ctx)).toBe(false);
  });

  it('select all leaves locked shapes out', () => {
    const { ctx } = board();
    ctx.ui.getState().select(['c']);
    registry.perform('arrange.lock', ctx);
    registry.perform('edit.selectAll', ctx);
    expect(ctx.ui.getState().selection).toEqual(['a', 'b', 'd']);
  });
});

describe('align and distribute', () => {
  it('align left moves every unit to the leftmost edge, a group as one, in one undo step', () => {
    const ctx = createTestContext();
    ctx.board.create([
      rect('a', { x: 0, y: 0 }),
      rect('b', { x: 300, y: 200, groupIds: ['g'] }),
      rect('c', { x: 500, y: 300, groupIds: ['g'] }),
    ]);
    ctx.undo.clear();
    ctx.ui.getState().select(['a', 'b', 'c']);
    expect(registry.isEnabled('arrange.distributeHorizontal', ctx)).toBe(false); // two units: a and the group
    registry.perform('arrange.alignLeft', ctx);
    expect(ctx.board.all().map((shape) => shape.x)).toEqual([0, 0, 200]);
    registry.perform('edit.undo', ctx);
    expect(ctx.board.all().map((shape) => shape.x)).toEqual([0, 300, 500]);
  });

  it('distribute spaces three shapes evenly, needing three', () => {
    const ctx = createTestContext();
    ctx.board.create([rect('a', { x: 0 }), rect('b', { x: 130 }), rect('c', { x: 600 })]);
    ctx.ui.getState().select(['a', 'b']);
    expect(registry.isEnabled('arrange.alignTop', ctx)).toBe(true);
    expect(registry.isEnabled('arrange.distributeHorizontal', ctx)).toBe(false);
    ctx.ui.getState().select(['a', 'b', 'c']);
    registry.perform('arrange.distributeHorizontal', ctx);
    expect(ctx.board.all().map((shape) => shape.x)).toEqual([0, 300, 600]);
  });
});
