import { describe, expect, it } from 'vitest';
import { cancel, createHarness, down, keyDown, move, up } from '../testing/harness';
import { ellipse, line, note, pen, rect, text } from '../testing/shapes';

function seeded() {
  const h = createHarness();
  h.seed(rect('a', 0, 0, 100, 100, '#ff0000'), rect('b', 200, 0, 100, 100, '#00ff00'), rect('c', 400, 400, 50, 50));
  return h;
}

const selection = (h: ReturnType<typeof createHarness>) => h.ui.getState().selection;

describe('select tool: picking', () => {
  it('a click on a shape selects it; Shift toggles; empty board clears; nothing is written', () => {
    const h = seeded();
    expect(h.drive([down(50, 50), up(50, 50)])).toEqual(['idle', 'pointing', 'idle']);
    expect(selection(h)).toEqual(['a']);
    h.drive([down(250, 50, { shiftKey: true }), up(250, 50, { shiftKey: true })]);
    expect(selection(h)).toEqual(['a', 'b']);
    h.drive([down(50, 50, { shiftKey: true }), up(50, 50, { shiftKey: true })]);
    expect(selection(h)).toEqual(['b']);
    h.drive([down(700, 50), up(700, 50)]);
    expect(selection(h)).toEqual([]);
    expect(h.updates).toBe(0);
  });

  it('an unfilled shape is picked on its outline at the press, through its inside only on up', () => {
    const h = seeded();
    h.drive([down(402, 425)]);
    expect(selection(h)).toEqual(['c']);
    h.drive([up(402, 425), down(700, 700), up(700, 700), down(425, 425)]);
    expect(selection(h)).toEqual([]);
    h.drive([up(425, 425)]);
    expect(selection(h)).toEqual(['c']);
  });

  it('a click on one of several selected shapes selects only it, unless it was a drag', () => {
    const h = seeded();
    h.ui.getState().select(['a', 'b']);
    h.drive([down(50, 50), up(51, 51)]);
    expect(selection(h)).toEqual(['a']);
  });

  it('a marquee selects the shapes wholly inside it; Shift adds to the selection', () => {
    const h = seeded();
    expect(h.drive([down(-10, -10), move(150, 150)])).toEqual(['idle', 'pointing', 'marquee']);
    expect(h.controller.preview()).toMatchObject({ kind: 'marquee', box: { minX: -10, maxX: 150 }, ids: ['a'] });
    h.drive([up(250, 150)]); // b only partly inside
    expect(selection(h)).toEqual(['a']);
    h.drive([down(380, 380, { shiftKey: true }), move(500, 500, { shiftKey: true }), up(500, 500, { shiftKey: true })]);
    expect(selection(h)).toEqual(['a', 'c']);
    h.drive([down(600, 600), move(700, 700), up(700, 700)]);
    expect(selection(h)).toEqual([]);
    expect(h.updates).toBe(0);
  });
});

describe('select tool: moving', () => {
  it('drags every selected shape, previews live positions, writes once on up, undoes in one step', () => {
    const h = seeded();
    h.ui.getState().select(['a', 'b']);
    expect(h.drive([down(50, 50), move(52, 51), move(60, 80)])).toEqual(['idle', 'pointing', 'dragging']);
    const preview = h.controller.preview();
    expect(preview).toMatchObject({ kind: 'transform', action: 'move' });
    expect(preview?.kind === 'transform' && preview.shapes.map(({ id, x, y }) => ({ id, x, y }))).toEqual([
      { id: 'a', x: 10, y: 30 },
      { id: 'b', x: 210, y: 30 },
    ]);
    expect(h.board.get('a')).toMatchObject({ x: 0, y: 0 });
    expect(h.updates).toBe(0);
    expect(h.drive([up(70, 90)])).toEqual(['dragging', 'idle']);
    expect(h.updates).toBe(1);
    expect(h.board.get('a')).toMatchObject({ x: 20, y: 40 });
    expect(h.board.get('b')).toMatchObject({ x: 220, y: 40 });
    expect(selection(h)).toEqual(['a', 'b']);
    h.undo.undo();
    expect(h.board.get('a')).toMatchObject({ x: 0, y: 0 });
    expect(h.board.get('b')).toMatchObject({ x: 200, y: 0 });
  });

  it('dragging an unselected shape selects and moves it alone', () => {
    const h = seeded();
    h.ui.getState().select(['b']);
    h.drive([down(50, 50), move(60, 50), up(90, 50)]);
    expect(selection(h)).toEqual(['a']);
    expect(h.board.get('a')).toMatchObject({ x: 40, y: 0 });
    expect(h.board.get('b')).toMatchObject({ x: 200, y: 0 });
  });

  it('a move of at most 3 screen px is a click; Shift keeps to one axis; Esc writes nothing', () => {
    const h = seeded();
    h.drive([down(50, 50), move(52, 52), up(52, 52)]);
    expect(h.board.get('a')).toMatchObject({ x: 0, y: 0 });
    h.drive([down(50, 50), move(80, 60), keyDown('Shift')]);
    expect(h.controller.preview()).toMatchObject({ shapes: [{ x: 30, y: 0 }] });
    h.drive([up(80, 60, { shiftKey: true })]);
    expect(h.board.get('a')).toMatchObject({ x: 30, y: 0 });
    h.resetUpdates();
    expect(h.drive([down(50, 50), move(90, 90), cancel, up(90, 90)])).toEqual(['idle', 'pointing', 'dragging', 'idle']);
    expect(h.updates).toBe(0);
  });

  it('grabs the selection by the empty space inside its bounds', () => {
    const h = seeded();
    h.ui.getState().select(['a', 'b']);
    h.drive([down(150, 50), move(150, 70), up(150, 70)]); // between a and b
    expect(h.board.get('a')).toMatchObject({ y: 20 });
    expect(h.board.get('b')).toMatchObject({ y: 20 });
    h.drive([down(150, 70), up(150, 70)]);
    expect(selection(h)).toEqual([]);
  });
});

describe('select tool: editing text', () => {
  it('a double-click on a text or note edits it; Esc or a click outside ends it', () => {
    const h = createHarness();
    h.seed(text('t', 0, 0, 'Hello'), note('n', 200, 0));
    h.drive([down(20, 10), up(20, 10)]);
    h.tick(150);
    expect(h.drive([down(21, 11), up(21, 11)])).toEqual(['idle', 'pointing', 'editing']);
    expect(h.ui.getState()).toMatchObject({ editingId: 't', selection: ['t'] });
    expect(h.drive([down(30, 10), up(30, 10)])).toEqual(['editing']); // inside the edited text: the editor's
    expect(h.drive([keyDown('Escape')])).toEqual(['editing', 'idle']);
    expect(h.ui.getState().editingId).toBeNull();
    h.drive([down(250, 50), up(250, 50)]);
    h.tick(100);
    h.drive([down(250, 50), up(250, 50)]);
    expect(h.ui.getState().editingId).toBe('n');
    expect(h.drive([down(20, 10), up(20, 10)])).toEqual(['editing', 'pointing', 'idle']);
    expect(h.ui.getState()).toMatchObject({ editingId: null, selection: ['t'] });
    expect(h.updates).toBe(0);
  });

  it('opens the editor on the up of the second click, not its down; a double-click that drags moves instead', () => {
    const h = createHarness();
    h.seed(text('t', 0, 0, 'Hello'));
    h.drive([down(20, 10), up(20, 10)]);
    h.tick(100);
    // In a browser the focus moves to what was pressed right after the press: an editor opened
    // then would be blurred, and blur ends the edit.
    h.drive([down(20, 10)]);
    expect(h.ui.getState()).toMatchObject({ editingId: null, selection: ['t'] });
    h.drive([up(20, 10)]);
    expect(h.ui.getState().editingId).toBe('t');
    h.drive([keyDown('Escape')]);
    h.tick(1000);
    h.drive([down(20, 10), up(20, 10)]);
    h.tick(100);
    expect(h.drive([down(20, 10), move(60, 10), up(60, 10)])).toEqual(['idle', 'pointing', 'dragging', 'idle']);
    expect(h.ui.getState().editingId).toBeNull();
    expect(h.board.get('t')).toMatchObject({ x: 40, y: 0 });
  });

  it('is not a double-click when slow, far apart, or on a shape without words', () => {
    const h = createHarness();
    h.seed(text('t', 0, 0, 'Hello'), pen('r', 250, 50, [0, 0, 0.5, 10, 0, 0.5]));
    h.drive([down(20, 10), up(20, 10)]);
    h.tick(401);
    h.drive([down(20, 10), up(20, 10)]);
    h.tick(100);
    h.drive([down(25, 10), up(25, 10)]); // 5 px away
    h.drive([down(250, 50), up(250, 50), down(250, 50), up(250, 50)]);
    expect(h.ui.getState().editingId).toBeNull();
  });

  it('commitText updates the edited text in one step; blank text deletes it', () => {
    const h = createHarness();
    h.seed(text('t', 0, 0, 'Hello'));
    h.drive([down(20, 10), up(20, 10), down(20, 10), up(20, 10)]);
    h.controller.commitText('Hello world');
    expect(h.board.get('t')).toMatchObject({ text: 'Hello world', w: 132 });
    expect(h.ui.getState().editingId).toBeNull();
    h.tick(1000);
    h.drive([down(20, 10), up(20, 10), down(20, 10), up(20, 10)]);
    h.controller.commitText(' ');
    expect(h.board.has('t')).toBe(false);
    expect(h.ui.getState().selection).toEqual([]);
    expect(h.updates).toBe(2);
  });
});

describe('select tool: labels', () => {
  it('a double-click on a filled rectangle or inside an unfilled ellipse edits its label; blank removes it', () => {
    const h = createHarness();
    h.seed(rect('box', 0, 0, 200, 100, '#ff0000'), ellipse('ring', 300, 0, 200, 100));
    h.drive([down(100, 50), up(100, 50), down(100, 50), up(100, 50)]);
    expect(h.ui.getState()).toMatchObject({ editingId: 'box', selection: ['box'], tool: 'select' });
    h.controller.commitText('Start');
    expect(h.board.get('box')).toMatchObject({ label: 'Start', h: 100 });
    expect(h.ui.getState()).toMatchObject({ editingId: null, selection: ['box'] });
    h.tick(1000);
    h.drive([down(400, 50), up(400, 50), down(400, 50), up(400, 50)]);
    expect(h.ui.getState()).toMatchObject({ editingId: 'ring', selection: ['ring'], tool: 'select' });
    h.controller.commitText('Ring');
    expect(h.board.get('ring')).toMatchObject({ label: 'Ring' });
    h.tick(1000);
    h.drive([down(100, 50), up(100, 50), down(100, 50), up(100, 50)]);
    h.controller.commitText('  ');
    expect(h.board.get('box')).not.toHaveProperty('label');
    expect(h.ui.getState().selection).toEqual(['box']); // the shape stays, only its label went
    expect(h.updates).toBe(3);
  });

  it('a double-click on the middle of a selected straight line edits its label, though handles sit there', () => {
    const h = createHarness();
    h.seed(line('l', 0, 100, 300, 0));
    h.drive([down(150, 100), up(150, 100)]);
    expect(selection(h)).toEqual(['l']);
    h.tick(1000);
    // On the top and bottom handles of the flat selection box: a press there grabs a handle...
    expect(h.drive([down(150, 100)])).toEqual(['idle', 'resizing']);
    h.drive([up(150, 100)]);
    expect(h.ui.getState().editingId).toBeNull();
    h.tick(100);
    // ...but a second press makes it a double-click.
    h.drive([down(150, 100), up(150, 100)]);
    expect(h.ui.getState().editingId).toBe('l');
    h.controller.commitText('yes');
    expect(h.board.get('l')).toMatchObject({ label: 'yes', points: [0, 0, 300, 0] });
    expect(h.updates).toBe(1);
  });

  it('an unchanged label writes nothing; a long one grows the box downwards in the same step', () => {
    const h = createHarness();
    h.seed(rect('box', 0, 0, 100, 40, '#ff0000'));
    h.drive([down(50, 20), up(50, 20), down(50, 20), up(50, 20)]);
    h.controller.commitText('');
    expect(h.updates).toBe(0);
    h.tick(1000);
    h.drive([down(50, 20), up(50, 20), down(50, 20), up(50, 20)]);
    h.controller.commitText('one two three four five six');
    const box = h.board.get('box');
    expect(box).toMatchObject({ x: 0, y: 0, w: 100, label: 'one two three four five six' });
    expect(box?.type === 'rect' && box.h).toBeGreaterThan(40);
    expect(h.updates).toBe(1);
  });
});

describe('select tool: hollow shapes and double-clicks', () => {
  it('a click inside an unfilled rectangle or ellipse selects it on up; the smallest one around the point wins', () => {
    const h = createHarness();
    h.seed(rect('frame', 0, 0, 400, 400), rect('inner', 100, 100, 100, 100), ellipse('ring', 500, 0, 200, 100));
    expect(h.drive([down(50, 50)])).toEqual(['idle', 'pointing']);
    expect(selection(h)).toEqual([]); // not on the press: a drag from here is a marquee
    h.drive([up(50, 50)]);
    expect(selection(h)).toEqual(['frame']);
    h.drive([down(150, 150), up(150, 150)]);
    expect(selection(h)).toEqual(['inner']);
    h.drive([down(600, 50), up(600, 50)]);
    expect(selection(h)).toEqual(['ring']);
    // Outside the ellipse but inside its bounding box: nothing.
    h.drive([down(505, 5), up(505, 5)]);
    expect(selection(h)).toEqual([]);
    h.drive([down(50, 50), up(50, 50), down(150, 150, { shiftKey: true }), up(150, 150, { shiftKey: true })]);
    expect(selection(h)).toEqual(['frame', 'inner']);
    expect(h.updates).toBe(0);
  });

  it('a drag from inside a hollow shape draws a marquee; from inside a selected one it moves it', () => {
    const h = createHarness();
    h.seed(rect('frame', 0, 0, 400, 400), rect('inner', 100, 100, 100, 100));
    expect(h.drive([down(50, 50), move(250, 250), up(250, 250)])).toEqual(['idle', 'pointing', 'marquee', 'idle']);
    expect(selection(h)).toEqual(['inner']);
    h.drive([down(20, 300), up(20, 300)]);
    expect(selection(h)).toEqual(['frame']);
    // Alt: no snapping (the frame's centre would otherwise meet the inner shape's edge, 1 unit away).
    h.drive([down(20, 300), move(60, 300, { altKey: true }), up(60, 300, { altKey: true })]);
    expect(h.board.get('frame')).toMatchObject({ x: 40, y: 0 });
    // A click inside the selected frame keeps it selected.
    h.drive([down(60, 300), up(60, 300)]);
    expect(selection(h)).toEqual(['frame']);
  });

  it('a filled shape under a hollow one is still picked where it is drawn', () => {
    const h = createHarness();
    h.seed(rect('filled', 100, 100, 50, 50, '#ff0000'), rect('frame', 0, 0, 400, 400));
    h.drive([down(120, 120), up(120, 120)]);
    expect(selection(h)).toEqual(['filled']);
  });

  it('a double-click on empty board starts a text there; a slow second click does not', () => {
    const h = createHarness();
    h.drive([down(300, 200), up(300, 200)]);
    h.tick(500);
    h.drive([down(300, 200), up(300, 200)]);
    expect(h.ui.getState().tool).toBe('select');
    h.tick(100);
    h.drive([down(300, 200), up(300, 200)]);
    expect(h.ui.getState()).toMatchObject({ tool: 'text', editingId: expect.any(String) });
    expect(h.controller.preview()).toMatchObject({ kind: 'text', x: 300, isNew: true });
    h.controller.commitText('Hello');
    expect(h.board.all()).toMatchObject([{ type: 'text', text: 'Hello', x: 300 }]);
    expect(h.ui.getState().tool).toBe('select');
  });

  it('two clicks with another tool used between them are no double-click', () => {
    const h = createHarness();
    h.drive([down(700, 500), up(700, 500)]);
    h.ui.getState().setTool('note');
    h.ui.getState().setTool('select');
    h.drive([down(700, 500), up(700, 500)]);
    expect(h.ui.getState()).toMatchObject({ tool: 'select', editingId: null });
    // Nor is a click that closed a text editor followed by one at the same place.
    h.tick(1000);
    h.drive([down(700, 500, { endsEdit: true }), up(700, 500), down(700, 500), up(700, 500)]);
    expect(h.ui.getState()).toMatchObject({ tool: 'select', editingId: null });
  });
});

describe('select tool: a viewer', () => {
  it('selects and marquees, but moves, resizes and edits nothing', () => {
    const h = seeded();
    h.seed(text('t', 600, 0, 'hello'));
    h.ui.getState().setCanEdit(false);
    h.drive([down(50, 50), move(120, 120), up(120, 120)]);
    expect(selection(h)).toEqual(['a']);
    // The corner handle of the selection: no resize for a viewer.
    h.drive([down(100, 100), move(180, 180), up(180, 180)]);
    h.drive([down(-10, -10), move(150, 150), up(150, 150)]);
    expect(selection(h)).toEqual(['a']);
    h.drive([down(605, 5), up(605, 5), down(605, 5), up(605, 5)]);
    expect(h.ui.getState().editingId).toBeNull();
    expect(h.ui.getState().tool).toBe('select');
    expect(h.updates).toBe(0);
  });

  it('gets no input to a drawing tool, even if one is somehow active', () => {
    const h = seeded();
    h.ui.setState({ tool: 'rect', canEdit: false });
    h.drive([down(600, 600), move(700, 700), up(700, 700)]);
    expect(h.board.all()).toHaveLength(3);
  });
});
