import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

const registry = createDefaultActions();

function board(selected: string[]) {
  const ctx = createTestContext();
  ctx.board.create([rect('a'), rect('b')]);
  ctx.board.create({ ...exampleShape('pen', { id: 'p' }), index: undefined });
  ctx.ui.getState().select(selected);
  return ctx;
}

describe('Enter edits the selected shape in place', () => {
  it('opens the editor on the one selected shape with words, and the keys then type', () => {
    const ctx = board(['a']);
    expect(registry.handleKeyDown({ key: 'Enter' }, ctx)?.id).toBe('edit.editText');
    expect(ctx.ui.getState().editingId).toBe('a');
    // While editing, no key runs a command: "r" is a letter of the label, not the rectangle tool.
    expect(registry.handleKeyDown({ key: 'r', code: 'KeyR' }, ctx)).toBeUndefined();
    expect(registry.handleKeyDown({ key: 'Enter' }, ctx)).toBeUndefined();
    expect(ctx.ui.getState().tool).toBe('select');
  });

  it('does nothing for several shapes, a shape without words, another tool, or a viewer', () => {
    for (const selected of [['a', 'b'], ['p'], []]) {
      const ctx = board(selected);
      registry.handleKeyDown({ key: 'Enter' }, ctx);
      expect(ctx.ui.getState().editingId, selected.join()).toBeNull();
    }
    const viewer = board(['a']);
    viewer.ui.getState().setCanEdit(false);
    registry.handleKeyDown({ key: 'Enter' }, viewer);
    expect(viewer.ui.getState().editingId).toBeNull();
  });
});
