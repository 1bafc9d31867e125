import { describe, expect, it, vi } from 'vitest';
import type { Action } from './action';
import { appliesTo } from './keys';
import { ActionRegistry, createDefaultActions, shortcutLabel } from './registry';
import { createTestContext, keyPress, rect } from './test-context';

function action(id: string, fields: Partial<Action> = {}): Action {
  return { id, label: id, group: 'edit', shortcuts: [], perform: vi.fn(), ...fields };
}

describe('ActionRegistry', () => {
  it('registers each id once and lists actions in registration order', () => {
    const registry = new ActionRegistry();
    registry.register(action('a.one'));
    registry.register(action('a.two'));
    expect(() => registry.register(action('a.one'))).toThrow(/already registered/);
    expect(registry.all().map((each) => each.id)).toEqual(['a.one', 'a.two']);
    expect(registry.get('a.two')?.id).toBe('a.two');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('performs only enabled actions, and refuses unknown ids', () => {
    const ctx = createTestContext();
    const registry = new ActionRegistry();
    const off = action('a.off', { enabled: () => false });
    const on = action('a.on');
    registry.register(off);
    registry.register(on);
    registry.perform('a.off', ctx);
    registry.perform('a.on', ctx, { at: { x: 1, y: 2 } });
    expect(off.perform).not.toHaveBeenCalled();
    expect(on.perform).toHaveBeenCalledWith(ctx, { at: { x: 1, y: 2 } });
    expect(registry.isEnabled('a.off', ctx)).toBe(false);
    expect(() => registry.perform('a.missing', ctx)).toThrow(/no action "a.missing"/);
  });

  it('hands a key press to the action, and reports an asynchronous failure', async () => {
    const ctx = createTestContext();
    const onError = vi.fn();
    const registry = new ActionRegistry({ onError });
    const failing = action('a.fail', {
      shortcuts: [{ key: 'k' }],
      perform: () => Promise.reject(new Error('clipboard refused')),
    });
    registry.register(failing);
    const event = { key: 'k' };
    expect(registry.handleKeyDown(event, ctx)).toBe(failing);
    expect(registry.handleKeyDown({ key: 'j' }, ctx)).toBeUndefined();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('clipboard refused'), failing));
  });
});

describe('the default actions', () => {
  const registry = createDefaultActions();

  it('have unique ids named after their group, each with a label', () => {
    const ids = registry.all().map((each) => each.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const each of registry.all()) {
      expect(each.id.startsWith(`${each.group}.`), each.id).toBe(true);
      expect(each.label).not.toBe('');
    }
  });

  it.each([
    ['macOS', true],
    ['Windows and Linux', false],
  ])('map every shortcut to exactly one action on %s', (_platform, isMac) => {
    const ctx = createTestContext({ isMac });
    // Copy, cut and paste run from the page's clipboard events, not their keys (see below).
    for (const each of registry.all().filter((action) => action.clipboardEvent === undefined)) {
      for (const shortcut of each.shortcuts.filter((candidate) => appliesTo(candidate, isMac))) {
        const matched = registry.matches(keyPress(shortcut, isMac), ctx).map((found) => found.id);
        expect(matched, `${each.id} ${JSON.stringify(shortcut)}`).toEqual([each.id]);
      }
    }
  });

  it('match mod per platform and the shift variants', () => {
    const mac = createTestContext({ isMac: true });
    const other = createTestContext({ isMac: false });
    const id = (found: Action | undefined) => found?.id;
    expect(id(registry.match({ key: 'z', metaKey: true }, mac))).toBe('edit.undo');
    expect(id(registry.match({ key: 'z', ctrlKey: true }, mac))).toBeUndefined();
    expect(id(registry.match({ key: 'z', ctrlKey: true }, other))).toBe('edit.undo');
    expect(id(registry.match({ key: 'Z', ctrlKey: true, shiftKey: true }, other))).toBe('edit.redo');
    expect(id(registry.match({ key: 'y', ctrlKey: true }, other))).toBe('edit.redo');
    expect(id(registry.match({ key: 'y', metaKey: true }, mac))).toBeUndefined();
    expect(id(registry.match({ key: 'v' }, other))).toBe('tools.select');
    expect(id(registry.match({ key: 'v', ctrlKey: true }, other))).toBeUndefined();
    expect(id(registry.match({ key: '[' }, other))).toBe('arrange.sendBackward');
    expect(id(registry.match({ key: '[', metaKey: true }, mac))).toBe('arrange.sendToBack');
    // As US keyboards send them: Shift+1 is '!', Shift+0 is ')', and '+' is Shift+'='.
    expect(id(registry.match({ key: '!', code: 'Digit1', shiftKey: true }, other))).toBe('view.zoomToFit');
    expect(id(registry.match({ key: ')', code: 'Digit0', shiftKey: true }, other))).toBe('view.resetZoom');
    expect(id(registry.match({ key: '+', code: 'Equal', shiftKey: true }, other))).toBe('view.zoomIn');
    expect(id(registry.match({ key: '=', ctrlKey: true }, other))).toBe('view.zoomIn');
    expect(id(registry.match({ key: '=', altKey: true }, other))).toBeUndefined();
    expect(id(registry.match({ key: '1', code: 'Digit1' }, other))).toBeUndefined();
  });

  it('never fire while a text is being edited, except Escape', () => {
    const ctx = createTestContext();
    ctx.board.create(rect('r1'));
    ctx.ui.getState().select(['r1']);
    ctx.ui.getState().setEditing('r1');
    for (const key of ['v', 'r', 'Delete', 'Backspace', 'ArrowLeft', '[', '+']) {
      expect(registry.handleKeyDown({ key }, ctx), key).toBeUndefined();
    }
    expect(registry.handleKeyDown({ key: 'a', ctrlKey: true }, ctx)).toBeUndefined();
    expect(ctx.board.has('r1')).toBe(true);
    expect(registry.handleKeyDown({ key: 'Escape' }, ctx)?.id).toBe('tools.select');
    expect(ctx.ui.getState()).toMatchObject({ tool: 'select', editingId: null, selection: ['r1'] });
    expect(registry.handleKeyDown({ key: 'Delete' }, ctx)?.id).toBe('edit.delete');
    expect(ctx.board.has('r1')).toBe(false);
  });

  it('ignore key presses that belong to an input method composing text', () => {
    const ctx = createTestContext();
    expect(registry.match({ key: 'r', isComposing: true }, ctx)).toBeUndefined();
  });

  it('return a matched but disabled action from handleKeyDown without running it', () => {
    const ctx = createTestContext();
    expect(registry.handleKeyDown({ key: 'z', ctrlKey: true }, ctx)?.id).toBe('edit.undo');
    expect(registry.isEnabled('edit.undo', ctx)).toBe(false);
  });

  it('label shortcuts for tooltips and menus', () => {
    const undo = registry.get('edit.undo')!;
    expect(shortcutLabel(undo, true)).toBe('⌘Z');
    expect(shortcutLabel(undo, false)).toBe('Ctrl+Z');
    expect(shortcutLabel(registry.get('edit.redo')!, true)).toBe('⇧⌘Z');
    expect(shortcutLabel(registry.get('tools.rect')!, false)).toBe('R');
    expect(shortcutLabel(registry.get('view.zoomToFit')!, true)).toBe('⇧1');
    expect(shortcutLabel(registry.get('view.toggleGrid')!, false)).toBe("Ctrl+'");
  });

  it('leave Ctrl/Cmd+C, X and V to the page: its copy, cut and paste events run those actions', () => {
    for (const isMac of [true, false]) {
      const ctx = createTestContext({ isMac });
      ctx.board.create(rect('r1'));
      ctx.ui.getState().select(['r1']);
      for (const key of ['c', 'x', 'v']) {
        const event = isMac ? { key, metaKey: true } : { key, ctrlKey: true };
        expect(registry.handleKeyDown(event, ctx), key).toBeUndefined();
      }
      expect(ctx.board.has('r1')).toBe(true);
    }
    expect(
      registry
        .all()
        .filter((action) => action.clipboardEvent)
        .map((action) => [action.clipboardEvent, action.id]),
    ).toEqual([
      ['copy', 'edit.copy'],
      ['cut', 'edit.cut'],
      ['paste', 'edit.paste'],
    ]);
  });
});
