import { describe, expect, it } from 'vitest';
import { menuTemplateFor } from '../desktop/menu/menu-template';
import { createDefaultActions } from './registry';
import { createTestContext } from './test-context';

describe('help actions', () => {
  const registry = createDefaultActions();

  it('open and close the shortcuts dialog on ? (with or without Shift) and F1, not on Ctrl+?', () => {
    const ctx = createTestContext();
    registry.handleKeyDown({ key: '?', code: 'Slash', shiftKey: true }, ctx);
    expect(ctx.ui.getState().helpOpen).toBe(true);
    registry.handleKeyDown({ key: '?' }, ctx);
    expect(ctx.ui.getState().helpOpen).toBe(false);
    registry.handleKeyDown({ key: 'F1' }, ctx);
    expect(ctx.ui.getState().helpOpen).toBe(true);
    expect(registry.handleKeyDown({ key: '?', ctrlKey: true, shiftKey: true }, ctx)).toBeUndefined();
  });

  it('are the Help menu of the desktop app', () => {
    const item = menuTemplateFor(registry, createTestContext()).find((entry) => entry.id === 'help.shortcuts');
    expect(item).toMatchObject({ label: 'Keyboard shortcuts', group: 'help', enabled: true });
  });
});
