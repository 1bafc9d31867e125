import { describe, expect, it } from 'vitest';
import { createDefaultActions } from '../actions';
import { createTestContext, rect } from '../actions/test-context';
import {
  buildContextMenu,
  CONTEXT_MENU_ACTIONS,
  type ContextMenuEntry,
  nextEnabledIndex,
  targetContextMenu,
} from './context-menu-model';

const registry = createDefaultActions();

/** The menu as one line per entry: '—' for a separator, 'Label [shortcut]' with '(off)' when greyed out. */
function describeMenu(entries: readonly ContextMenuEntry[]): string[] {
  return entries.map((entry) =>
    entry.kind === 'separator'
      ? '—'
      : `${entry.label}${entry.shortcut ? ` [${entry.shortcut}]` : ''}${entry.enabled ? '' : ' (off)'}`,
  );
}

/** A filled rectangle, so it is hit inside too (an unfilled one only on its outline). */
const card = (id: string, x: number, y: number) =>
  rect(id, { x, y, w: 100, h: 100, style: { stroke: '#1e1e1e', fill: '#ffffff', strokeWidth: 2 } });

function boardWithTwoRects() {
  const ctx = createTestContext();
  ctx.board.create([card('a', 0, 0), card('b', 200, 0)]);
  return ctx;
}

describe('context menu model', () => {
  it('lists only registered actions', () => {
    for (const ids of Object.values(CONTEXT_MENU_ACTIONS)) {
      for (const id of ids) expect(registry.get(id), id).toBeDefined();
    }
  });

  it('offers edit then arrange actions on a selection, with shortcut hints and separators between groups', () => {
    const ctx = boardWithTwoRects();
    ctx.ui.getState().select(['b']);
    expect(describeMenu(buildContextMenu(registry, ctx, 'selection'))).toEqual([
      'Cut [Ctrl+X]',
      'Copy [Ctrl+C]',
      'Paste [Ctrl+V]',
      'Duplicate [Ctrl+D]',
      'Delete [Del]',
      '—',
      'Bring forward []] (off)', // b is already on top
      'Send backward [[]',
      'Bring to front [Ctrl+]] (off)',
      'Send to back [Ctrl+[]',
      'Lock [Ctrl+Shift+L]',
    ]);
  });

  it('on a locked shape offers Unlock (and Unlock all) and selects nothing; a group member selects its group', () => {
    const ctx = createTestContext();
    ctx.board.create([
      rect('locked', { x: 0, y: 0, locked: true }),
      rect('g1', { x: 300, y: 0, groupIds: ['g'] }),
      rect('g2', { x: 600, y: 0, groupIds: ['g'] }),
    ]);
    ctx.ui.getState().select(['g1']);
    expect(targetContextMenu(ctx, { x: 0, y: 40 }, 4)).toBe('locked');
    expect(ctx.ui.getState().selection).toEqual([]);
    ctx.pointerAt = { x: 0, y: 40 };
    expect(describeMenu(buildContextMenu(registry, ctx, 'locked'))).toEqual(['Unlock', 'Unlock all']);
    expect(targetContextMenu(ctx, { x: 300, y: 40 }, 4)).toBe('selection');
    expect(ctx.ui.getState().selection).toEqual(['g1', 'g2']);
    const items = describeMenu(buildContextMenu(registry, ctx, 'selection'));
    expect(items).toContain('Ungroup [Ctrl+Shift+G]');
    expect(items).not.toContain('Group [Ctrl+G]');
    expect(items).not.toContain('Align left edges [Ctrl+Shift+←]'); // one unit: nothing to align with
  });

  it('offers paste, select all, zoom to fit, the grid and history on the canvas, greyed out when they cannot run', () => {
    const empty = createTestContext({ isMac: true });
    expect(describeMenu(buildContextMenu(registry, empty, 'canvas'))).toEqual([
      'Paste [⌘V]',
      'Select all [⌘A] (off)',
      '—',
      'Zoom to fit [⇧1] (off)',
      "Show grid [⌘']",
      'Snap to grid',
      '—',
      'Undo [⌘Z] (off)',
      'Redo [⇧⌘Z] (off)',
    ]);
    const ctx = boardWithTwoRects();
    const labels = describeMenu(buildContextMenu(registry, ctx, 'canvas'));
    expect(labels).toContain('Select all [Ctrl+A]');
    expect(labels).toContain('Undo [Ctrl+Z]');
    expect(labels).toContain('Redo [Ctrl+Shift+Z] (off)');
  });

  it('leaves out an id the registry does not have', () => {
    const ctx = createTestContext();
    const only = { get: (id: string) => (id === 'edit.paste' ? registry.get(id) : undefined), isEnabled: () => true };
    expect(buildContextMenu(only, ctx, 'canvas')).toEqual([
      { kind: 'item', id: 'edit.paste', label: 'Paste', shortcut: 'Ctrl+V', enabled: true },
    ]);
  });

  it('selects an unselected shape under the pointer first, keeps a selection it is part of, clears it on the canvas', () => {
    const ctx = boardWithTwoRects();
    ctx.ui.getState().setTool('pen');
    expect(targetContextMenu(ctx, { x: 250, y: 50 }, 2)).toBe('selection');
    expect(ctx.ui.getState()).toMatchObject({ tool: 'select', selection: ['b'] });
    ctx.ui.getState().select(['a', 'b']);
    expect(targetContextMenu(ctx, { x: 50, y: 50 }, 2)).toBe('selection');
    expect(ctx.ui.getState().selection).toEqual(['a', 'b']);
    expect(targetContextMenu(ctx, { x: 150, y: 50 }, 2)).toBe('canvas');
    expect(ctx.ui.getState().selection).toEqual([]);
    expect(targetContextMenu(ctx, { x: 101, y: 50 }, 2)).toBe('selection'); // within the hit tolerance
  });

  it('picks the topmost shape where shapes overlap', () => {
    const ctx = createTestContext();
    ctx.board.create([card('under', 0, 0), card('over', 50, 50)]);
    targetContextMenu(ctx, { x: 75, y: 75 }, 0);
    expect(ctx.ui.getState().selection).toEqual(['over']);
  });

  it('moves focus over enabled items only, wrapping at the ends', () => {
    const item = (id: string, enabled = true): ContextMenuEntry => ({
      kind: 'item',
      id,
      label: id,
      shortcut: '',
      enabled,
    });
    const entries = [item('a'), { kind: 'separator' } as const, item('b', false), item('c'), item('d', false)];
    expect(nextEnabledIndex(entries, -1, 1)).toBe(0);
    expect(nextEnabledIndex(entries, -1, -1)).toBe(3);
    expect(nextEnabledIndex(entries, 0, 1)).toBe(3);
    expect(nextEnabledIndex(entries, 3, 1)).toBe(0);
    expect(nextEnabledIndex(entries, 0, -1)).toBe(3);
    expect(nextEnabledIndex([item('x', false)], -1, 1)).toBe(-1);
    expect(nextEnabledIndex([], -1, 1)).toBe(-1);
  });
});
