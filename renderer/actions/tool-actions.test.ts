import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../state/ui-store';
import { createDefaultActions } from './registry';
import { createTestContext } from './test-context';
import { toolActionId } from './tool-actions';

describe('tool actions', () => {
  const registry = createDefaultActions();

  it('have one action per tool, each switching to it and showing it as checked', () => {
    const ctx = createTestContext();
    for (const tool of TOOL_IDS) {
      const action = registry.get(toolActionId(tool))!;
      expect(action.group).toBe('tools');
      registry.perform(action.id, ctx);
      expect(ctx.ui.getState().tool).toBe(tool);
      expect(action.checked?.(ctx)).toBe(true);
    }
    expect(registry.get('tools.select')!.checked?.(ctx)).toBe(false);
  });

  it.each([
    ['v', 'select'],
    ['h', 'hand'],
    ['p', 'pen'],
    ['r', 'rect'],
    ['o', 'ellipse'],
    ['l', 'line'],
    ['a', 'arrow'],
    ['t', 'text'],
    ['n', 'note'],
    ['e', 'eraser'],
  ])('switch to the tool on %s', (key, tool) => {
    const ctx = createTestContext();
    ctx.ui.getState().setTool('hand');
    registry.handleKeyDown({ key }, ctx);
    expect(ctx.ui.getState().tool).toBe(tool);
  });

  it('go back to select on Escape, ending an inline edit and keeping the selection', () => {
    const ctx = createTestContext();
    ctx.ui.getState().setTool('pen');
    registry.handleKeyDown({ key: 'Escape' }, ctx);
    expect(ctx.ui.getState().tool).toBe('select');

    ctx.ui.getState().select(['t1']);
    ctx.ui.getState().setEditing('t1');
    registry.handleKeyDown({ key: 'Escape' }, ctx);
    expect(ctx.ui.getState()).toMatchObject({ tool: 'select', editingId: null, selection: ['t1'] });
  });
});
