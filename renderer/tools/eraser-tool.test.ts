import { describe, expect, it } from 'vitest';
import { createHarness, down, keyDown, move, up } from './testing/harness';
import { line, rect } from './testing/shapes';

function seeded() {
  const h = createHarness({ tool: 'eraser' });
  h.seed(rect('box', 0, 0, 100, 100), line('thin', 200, 0, 0, 100), rect('far', 500, 500, 50, 50));
  return h;
}

describe('eraser tool', () => {
  it('marks what the path touches, deletes it all on up in one step, and stays active', () => {
    const h = seeded();
    expect(h.drive([down(-20, 50), move(5, 50)])).toEqual(['idle', 'erasing']);
    expect(h.controller.preview()).toMatchObject({ kind: 'erase', ids: ['box'] });
    // A fast swipe: one event far past the thin line still crosses it.
    h.drive([move(50, 50), move(400, 50)]);
    expect(h.controller.preview()).toMatchObject({ ids: ['box', 'thin'] });
    expect(h.updates).toBe(0);
    expect(h.drive([up(400, 50)])).toEqual(['erasing', 'idle']);
    expect(h.updates).toBe(1);
    expect(h.board.all().map((shape) => shape.id)).toEqual(['far']);
    expect(h.ui.getState().tool).toBe('eraser');
    h.undo.undo();
    expect(h.board.all().map((shape) => shape.id)).toEqual(['box', 'thin', 'far']);
  });

  it('passes through the inside of an unfilled shape, as the hit test does', () => {
    const h = seeded();
    h.drive([down(30, 30), move(70, 70), up(70, 70)]);
    expect(h.board.all()).toHaveLength(3);
    expect(h.updates).toBe(0);
  });

  it('Esc deletes nothing', () => {
    const h = seeded();
    expect(h.drive([down(-20, 50), move(400, 50), keyDown('Escape'), up(400, 50)])).toEqual([
      'idle',
      'erasing',
      'idle',
    ]);
    expect(h.board.all()).toHaveLength(3);
    expect(h.updates).toBe(0);
  });
});
