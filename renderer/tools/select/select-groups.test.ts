import { describe, expect, it } from 'vitest';
import { createHarness, down, move, up } from '../testing/harness';
import { note } from '../testing/shapes';
import { GRID_SIZE } from '../constants';
import type { Preview } from '../tool';

const selection = (h: ReturnType<typeof createHarness>) => h.ui.getState().selection;

/** a and b grouped as "inner", inside "outer" with c; d alone; notes have exact bounds. */
function grouped() {
  const h = createHarness();
  h.seed(
    { ...note('a', 0, 0), groupIds: ['inner', 'outer'] },
    { ...note('b', 200, 0), groupIds: ['inner', 'outer'] },
    { ...note('c', 400, 0), groupIds: ['outer'] },
    note('d', 0, 400),
  );
  return h;
}

describe('select tool: groups', () => {
  it('a click on a member selects its outermost group, and a drag moves the group together', () => {
    const h = grouped();
    h.drive([down(50, 50), up(50, 50)]);
    expect(selection(h)).toEqual(['a', 'b', 'c']);
    h.drive([down(250, 50), move(250, 150, { altKey: true }), up(250, 150, { altKey: true })]);
    expect(['a', 'b', 'c', 'd'].map((id) => h.board.get(id)?.y)).toEqual([100, 100, 100, 400]);
  });

  it('a double-click enters the group one level at a time; a click outside leaves it', () => {
    const h = grouped();
    h.drive([down(50, 50), up(50, 50), down(50, 50), up(50, 50)]);
    expect(h.ui.getState().focusedGroup).toBe('outer');
    expect(selection(h)).toEqual(['a', 'b']);
    h.tick(1_000);
    h.drive([down(450, 50), up(450, 50)]);
    expect(selection(h)).toEqual(['c']);
    h.tick(1_000);
    h.drive([down(50, 50), up(50, 50), down(50, 50), up(50, 50)]);
    expect(h.ui.getState().focusedGroup).toBe('inner');
    expect(selection(h)).toEqual(['a']);
    h.tick(1_000);
    h.drive([down(50, 450), up(50, 450)]);
    expect(h.ui.getState().focusedGroup).toBeNull();
    expect(selection(h)).toEqual(['d']);
    expect(h.updates).toBe(0);
  });

  it('Shift+click adds and removes whole groups', () => {
    const h = grouped();
    h.drive([down(50, 450), up(50, 450), down(250, 50, { shiftKey: true }), up(250, 50, { shiftKey: true })]);
    expect(selection(h)).toEqual(['d', 'a', 'b', 'c']);
    h.drive([down(450, 50, { shiftKey: true }), up(450, 50, { shiftKey: true })]);
    expect(selection(h)).toEqual(['d']);
  });

  it('a marquee around one member selects its whole group', () => {
    const h = grouped();
    h.drive([down(-10, -10), move(110, 110), up(110, 110)]);
    expect(selection(h)).toEqual(['a', 'b', 'c']);
  });
});

describe('select tool: locked shapes', () => {
  it('are not picked by a click or a marquee, nor dragged', () => {
    const h = createHarness();
    h.seed({ ...note('locked', 0, 0), locked: true }, note('free', 200, 0));
    h.drive([down(50, 50), up(50, 50)]);
    expect(selection(h)).toEqual([]);
    h.drive([down(50, 50), move(80, 80), up(80, 80)]);
    expect(h.board.get('locked')).toMatchObject({ x: 0, y: 0 });
    h.drive([down(-10, -10), move(350, 150), up(350, 150)]);
    expect(selection(h)).toEqual(['free']);
  });

  it('are left by the eraser', () => {
    const h = createHarness({ tool: 'eraser' });
    h.seed({ ...note('locked', 0, 0), locked: true }, note('free', 200, 0));
    h.drive([down(50, 50), move(250, 50), up(250, 50)]);
    expect(h.board.all().map((shape) => shape.id)).toEqual(['locked']);
  });
});

describe('select tool: snapping', () => {
  const guidesOf = (preview: Preview | null) => (preview?.kind === 'transform' ? (preview.guides ?? []) : []);

  it('a move snaps an edge to another shape within a few pixels and shows a guide; Alt turns it off', () => {
    const h = createHarness();
    h.seed(note('still', 0, 0), note('moving', 300, 300));
    // Dragged 197 left: its left edge lands 3 from still's right edge (100) and snaps there.
    h.drive([down(350, 350), move(153, 350)]);
    expect(guidesOf(h.controller.preview())).toContainEqual({ axis: 'x', at: 100, from: 0, to: 400 });
    h.drive([up(153, 350)]);
    expect(h.board.get('moving')).toMatchObject({ x: 100, y: 300 });
    h.drive([down(150, 350), move(154, 350, { altKey: true }), up(154, 350, { altKey: true })]);
    expect(h.board.get('moving')).toMatchObject({ x: 104, y: 300 });
  });

  it('a resize snaps the dragged edge', () => {
    const h = createHarness();
    h.seed(note('still', 0, 0, 100, 100), note('sized', 0, 200, 100, 100));
    h.ui.getState().select(['sized']);
    h.drive([down(100, 250), move(97, 250), up(97, 250)]); // the east handle, 3 short of still's right edge
    expect(h.board.get('sized')).toMatchObject({ w: 100 });
    h.drive([down(100, 250), move(150, 250), up(150, 250)]);
    expect(h.board.get('sized')).toMatchObject({ w: 150 });
  });

  it('with snap to grid, a move puts the shape on the grid and drawing starts on it', () => {
    const h = createHarness();
    h.seed(note('n', 3, 7));
    h.ui.getState().toggleSnapToGrid();
    h.drive([down(50, 50), move(81, 95), up(81, 95)]);
    const moved = h.board.get('n');
    expect([moved!.x % GRID_SIZE, moved!.y % GRID_SIZE]).toEqual([0, 0]);
    expect(moved).toMatchObject({ x: 40, y: 60 });
    h.ui.getState().setTool('rect');
    h.drive([down(207, 213), move(289, 331), up(289, 331)]);
    const drawn = h.board.all().find((shape) => shape.type === 'rect');
    expect(drawn).toMatchObject({ x: 200, y: 220, w: 80, h: 120 });
  });
});
