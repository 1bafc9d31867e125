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
      if (tool === 'select') continue;
      const action = registry.get(toolActionId(tool))!;
      expect(action.group).toBe('tools');
      registry.perform(action.id, ctx);
      expect(ctx.ui.getState().tool).toBe(tool);
      expect(action.checked?.(ctx)).toBe(true);
    }
    expect(registry.get('tools.select')!.checked?.(ctx)).toBe(false);
    registry.perform('tools.select', ctx);
    expect(ctx.ui.getState().tool).toBe('select');
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

  it('clear the selection on Escape when select is already the tool; V keeps it', () => {
    const ctx = createTestContext();
    ctx.ui.getState().select(['a', 'b']);
    registry.handleKeyDown({ key: 'v' }, ctx);
    expect(ctx.ui.getState().selection).toEqual(['a', 'b']);
    registry.handleKeyDown({ key: 'Escape' }, ctx);
    expect(ctx.ui.getState().selection).toEqual([]);
  });

  it('lock the tool with Q, shown checked, so drawing tools stay after each shape', () => {
    const ctx = createTestContext();
    const lock = registry.get('tools.lock')!;
    expect(lock.checked?.(ctx)).toBe(false);
    registry.handleKeyDown({ key: 'q' }, ctx);
    expect(ctx.ui.getState().toolLocked).toBe(true);
    expect(lock.checked?.(ctx)).toBe(true);
    registry.handleKeyDown({ key: 'Q', shiftKey: false }, ctx);
    expect(ctx.ui.getState().toolLocked).toBe(false);
  });
});
