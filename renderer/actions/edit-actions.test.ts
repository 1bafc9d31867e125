import { describe, expect, it, vi } from 'vitest';
import { DUPLICATE_OFFSET } from './edit-actions';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

const registry = createDefaultActions();

/** A board with rectangles a, b, c (bottom to top), each at x = 100 * position. */
function boardWithThree() {
  const ctx = createTestContext();
  ctx.board.create(['a', 'b', 'c'].map((id, i) => rect(id, { x: 100 * i, y: 0 })));
  ctx.undo.clear();
  const transactions = vi.fn();
  ctx.board.doc.on('afterTransaction', transactions);
  return { ctx, transactions, ids: () => ctx.board.all().map((shape) => shape.id) };
}

describe('delete', () => {
  it('removes the selection in one step, clears it, and is disabled without one', () => {
    const { ctx, transactions, ids } = boardWithThree();
    expect(registry.isEnabled('edit.delete', ctx)).toBe(false);
    ctx.ui.getState().select(['a', 'c', 'gone']);
    registry.handleKeyDown({ key: 'Backspace' }, ctx);
    expect(ids()).toEqual(['b']);
    expect(ctx.ui.getState().selection).toEqual([]);
    expect(transactions).toHaveBeenCalledTimes(1);
    registry.perform('edit.undo', ctx);
    expect(ids()).toEqual(['a', 'b', 'c']);
  });
});

describe('undo and redo', () => {
  it('undo and redo this user’s steps, enabled only when there is one', () => {
    const { ctx, ids } = boardWithThree();
    expect(registry.isEnabled('edit.undo', ctx)).toBe(false);
    expect(registry.isEnabled('edit.redo', ctx)).toBe(false);
    ctx.ui.getState().select(['b']);
    registry.handleKeyDown({ key: 'Delete' }, ctx);
    registry.handleKeyDown({ key: 'z', ctrlKey: true }, ctx);
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(registry.isEnabled('edit.redo', ctx)).toBe(true);
    registry.handleKeyDown({ key: 'y', ctrlKey: true }, ctx);
    expect(ids()).toEqual(['a', 'c']);
    registry.handleKeyDown({ key: 'z', ctrlKey: true }, ctx);
    registry.handleKeyDown({ key: 'Z', ctrlKey: true, shiftKey: true }, ctx);
    expect(ids()).toEqual(['a', 'c']);
  });

  it('drop shapes that undo removed from the selection', () => {
    const ctx = createTestContext();
    ctx.board.create(rect('r1'));
    ctx.ui.getState().select(['r1']);
    registry.perform('edit.duplicate', ctx);
    const copyId = ctx.ui.getState().selection[0]!;
    expect(ctx.board.has(copyId)).toBe(true);
    registry.perform('edit.undo', ctx);
    expect(ctx.board.has(copyId)).toBe(false);
    expect(ctx.ui.getState().selection).toEqual([]);
  });
});

describe('select all', () => {
  it('selects every shape with the select tool, disabled when there is nothing more to select', () => {
    const { ctx } = boardWithThree();
    ctx.ui.getState().setTool('pen');
    registry.handleKeyDown({ key: 'a', ctrlKey: true }, ctx);
    expect(ctx.ui.getState()).toMatchObject({ tool: 'select', selection: ['a', 'b', 'c'] });
    expect(registry.isEnabled('edit.selectAll', ctx)).toBe(false);
    expect(registry.isEnabled('edit.selectAll', createTestContext())).toBe(false);
  });
});

describe('duplicate', () => {
  it('copies the selection offset by 10, 10 with new ids, just above the originals, and selects the copies', () => {
    const { ctx, transactions, ids } = boardWithThree();
    ctx.ui.getState().select(['b', 'a']);
    registry.handleKeyDown({ key: 'd', ctrlKey: true }, ctx);
    expect(transactions).toHaveBeenCalledTimes(1);
    const copies = ctx.ui.getState().selection;
    expect(copies).toHaveLength(2);
    expect(copies.some((id) => ['a', 'b', 'c'].includes(id))).toBe(false);
    // Above the topmost original (b), below c; in the originals' order.
    expect(ids()).toEqual(['a', 'b', ...copies, 'c']);
    const [copyOfA, copyOfB] = copies.map((id) => ctx.board.get(id)!);
    expect(copyOfA).toMatchObject({ type: 'rect', x: DUPLICATE_OFFSET, y: DUPLICATE_OFFSET, w: 120 });
    expect(copyOfB).toMatchObject({ x: 100 + DUPLICATE_OFFSET, y: DUPLICATE_OFFSET });
    registry.perform('edit.undo', ctx);
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('gives copies of a group a new group of their own (an old single groupId too), nested as they were', () => {
    const ctx = createTestContext();
    ctx.board.create([
      rect('a', { groupId: 'g1' }),
      rect('b', { groupId: 'g1' }),
      rect('c'),
      rect('d', { groupIds: ['inner', 'outer'] }),
      rect('e', { groupIds: ['outer'] }),
    ]);
    ctx.ui.getState().select(['a', 'b', 'c', 'd', 'e']);
    registry.perform('edit.duplicate', ctx);
    const [copyA, copyB, copyC, copyD, copyE] = ctx.ui.getState().selection.map((id) => ctx.board.get(id)!);
    expect(copyA!.groupIds).toHaveLength(1);
    expect(copyA!.groupIds).not.toEqual(['g1']);
    expect(copyA).not.toHaveProperty('groupId');
    expect(copyB!.groupIds).toEqual(copyA!.groupIds);
    expect(copyC).not.toHaveProperty('groupIds');
    const [inner, outer] = copyD!.groupIds!;
    expect([inner, outer]).not.toContain('inner');
    expect(copyE!.groupIds).toEqual([outer]);
  });

  it('is disabled without a selection', () => {
    const { ctx } = boardWithThree();
    expect(registry.isEnabled('edit.duplicate', ctx)).toBe(false);
  });
});

describe('nudge', () => {
  it('moves the selection 1 unit per arrow key, 10 with Shift, one undo step per press', () => {
    const { ctx, transactions } = boardWithThree();
    ctx.ui.getState().select(['a', 'b']);
    const position = (id: string) => {
      const shape = ctx.board.get(id)!;
      return [shape.x, shape.y];
    };
    registry.handleKeyDown({ key: 'ArrowRight' }, ctx);
    registry.handleKeyDown({ key: 'ArrowDown', shiftKey: true }, ctx);
    registry.handleKeyDown({ key: 'ArrowLeft', shiftKey: true }, ctx);
    registry.handleKeyDown({ key: 'ArrowUp' }, ctx);
    expect(position('a')).toEqual([-9, 9]);
    expect(position('b')).toEqual([91, 9]);
    expect(position('c')).toEqual([200, 0]);
    expect(transactions).toHaveBeenCalledTimes(4);
    registry.perform('edit.undo', ctx);
    expect(position('a')).toEqual([-9, 10]);
    registry.perform('edit.undo', ctx);
    expect(position('a')).toEqual([1, 10]);
  });

  it('stops at the edge of the board instead of failing', () => {
    const ctx = createTestContext();
    ctx.board.create(rect('edge', { x: 1e7 - 5 }));
    ctx.ui.getState().select(['edge']);
    registry.handleKeyDown({ key: 'ArrowRight', shiftKey: true }, ctx);
    expect(ctx.board.get('edge')!.x).toBe(1e7);
  });

  it('is disabled without a selection', () => {
    const { ctx } = boardWithThree();
    for (const id of ['edit.nudgeLeft', 'edit.nudgeRight', 'edit.nudgeUp', 'edit.nudgeDown']) {
      expect(registry.isEnabled(id, ctx), id).toBe(false);
    }
  });
});
