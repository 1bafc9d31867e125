import { describe, expect, it } from 'vitest';
import { createHarness, down, keyDown, up } from './testing/harness';
import { text } from './testing/shapes';

describe('text tool', () => {
  it('a click starts typing a new id that is not in the doc; nothing is written', () => {
    const h = createHarness({ tool: 'text' });
    expect(h.drive([down(100, 50), up(100, 50)])).toEqual(['idle', 'pointing', 'typing']);
    const { editingId } = h.ui.getState();
    expect(editingId).toEqual(expect.any(String));
    expect(h.board.has(editingId!)).toBe(false);
    // The caret's line is centred on the click: 1.25 × 20 px high.
    expect(h.controller.preview()).toEqual({
      kind: 'text',
      tool: 'text',
      id: editingId,
      x: 100,
      y: 37.5,
      rotation: 0,
      fontSize: 20,
      isNew: true,
    });
    expect(h.updates).toBe(0);
  });

  it('commitText creates the shape in one step and hands over to select', () => {
    const h = createHarness({ tool: 'text' });
    h.drive([down(100, 50), up(100, 50)]);
    const id = h.ui.getState().editingId;
    h.controller.commitText('Hi\nthere');
    expect(h.updates).toBe(1);
    expect(h.board.get(id!)).toMatchObject({ type: 'text', text: 'Hi\nthere', x: 100, y: 37.5, fontSize: 20, w: 60 });
    expect(h.ui.getState()).toMatchObject({ tool: 'select', selection: [id], editingId: null });
    h.undo.undo();
    expect(h.board.all()).toEqual([]);
  });

  it('blank text or cancel creates nothing and ends editing', () => {
    const h = createHarness({ tool: 'text' });
    h.drive([down(0, 0), up(0, 0)]);
    h.controller.commitText('   \n ');
    expect(h.ui.getState()).toMatchObject({ tool: 'text', editingId: null });
    expect(h.drive([down(0, 0), up(0, 0), keyDown('Escape')])).toEqual(['idle', 'pointing', 'typing', 'idle']);
    expect(h.ui.getState().editingId).toBeNull();
    expect(h.updates).toBe(0);
  });

  it('ignores clicks while typing: the editor commits when it loses focus', () => {
    const h = createHarness({ tool: 'text' });
    h.drive([down(0, 0), up(0, 0)]);
    const id = h.ui.getState().editingId;
    expect(h.drive([down(300, 300), up(300, 300)])).toEqual(['typing']);
    expect(h.ui.getState().editingId).toBe(id);
  });

  it('a click on an existing text edits it; empty text deletes it', () => {
    const h = createHarness({ tool: 'text' });
    h.seed(text('t1', 0, 0, 'Hello'));
    h.drive([down(20, 10), up(20, 10)]);
    expect(h.ui.getState().editingId).toBe('t1');
    expect(h.controller.preview()).toMatchObject({ id: 't1', isNew: false, x: 0, y: 0 });
    h.controller.commitText('Bye');
    expect(h.board.get('t1')).toMatchObject({ text: 'Bye', w: 36 });
    expect(h.ui.getState()).toMatchObject({ tool: 'select', selection: ['t1'] });
    h.ui.getState().setTool('text');
    h.drive([down(20, 10), up(20, 10)]);
    h.controller.commitText('');
    expect(h.board.has('t1')).toBe(false);
    expect(h.updates).toBe(2);
  });

  it('a click on a locked text starts a new one instead of editing it', () => {
    const h = createHarness({ tool: 'text' });
    h.seed({ ...text('t1', 0, 0, 'Hello'), locked: true });
    h.drive([down(20, 10), up(20, 10)]);
    expect(h.ui.getState().editingId).not.toBe('t1');
    expect(h.controller.preview()).toMatchObject({ isNew: true });
  });
});
