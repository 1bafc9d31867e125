import { describe, expect, it } from 'vitest';
import { createHarness, down, move, up } from './testing/harness';

describe('note tool', () => {
  it('a click creates a 200 × 200 note centred on it and starts editing it with select', () => {
    const h = createHarness({ tool: 'note' });
    h.ui.getState().setStyle({ noteColor: '#a3d8ff', fontSize: 24 });
    expect(h.drive([down(300, 300)])).toEqual(['idle', 'pointing']);
    expect(h.updates).toBe(0);
    h.drive([move(320, 310), up(320, 310)]);
    expect(h.updates).toBe(1);
    const [note] = h.board.all();
    expect(note).toMatchObject({
      type: 'note',
      x: 200,
      y: 200,
      w: 200,
      h: 200,
      text: '',
      color: '#a3d8ff',
      fontSize: 24,
    });
    expect(h.ui.getState()).toMatchObject({ tool: 'select', selection: [note?.id], editingId: note?.id });
    expect(h.controller.active.state).toBe('editing');
  });

  it('the editor commits through the controller; the empty note stays; undo removes the note', () => {
    const h = createHarness({ tool: 'note' });
    h.drive([down(0, 0), up(0, 0)]);
    const id = h.ui.getState().editingId!;
    h.controller.commitText('Buy milk');
    expect(h.board.get(id)).toMatchObject({ text: 'Buy milk' });
    expect(h.ui.getState().editingId).toBeNull();
    h.ui.getState().setTool('note');
    h.drive([down(500, 0), up(500, 0)]);
    h.controller.commitText('');
    expect(h.board.all()).toHaveLength(2);
    h.undo.undo();
    h.undo.undo();
    expect(h.board.all().map((shape) => shape.id)).toEqual([id]);
  });
});
