import { describe, expect, it } from 'vitest';
import { shapeBounds } from '../../shapes';
import { createHarness, down, move, up } from '../testing/harness';
import { image, note, pen } from '../testing/shapes';
import { handleAt, scalingForHandle, selectionHandles } from './handles';

const BOX = { minX: 0, minY: 0, maxX: 100, maxY: 100 };

describe('selection handles', () => {
  it('sit on corners, edge midpoints and above the top edge, sized in screen pixels', () => {
    const handles = selectionHandles(BOX, 2);
    expect(handles.find((h) => h.handle === 'se')?.point).toEqual({ x: 100, y: 100 });
    expect(handles.find((h) => h.handle === 'w')?.point).toEqual({ x: 0, y: 50 });
    expect(handles.find((h) => h.handle === 'rotate')?.point).toEqual({ x: 50, y: -12 });
    // Radius 8 px: 3.9 board units at zoom 2 is 7.8 px, 4.5 is 9 px.
    expect(handleAt(BOX, { x: 103.9, y: 100 }, 2)).toBe('se');
    expect(handleAt(BOX, { x: 104.5, y: 100 }, 2)).toBeNull();
    expect(handleAt(BOX, { x: 104.5, y: 100 }, 1)).toBe('se');
    expect(handleAt(BOX, { x: 50, y: 50 }, 1)).toBeNull();
  });

  it('scale about the opposite handle; Shift keeps proportions', () => {
    expect(scalingForHandle('se', BOX, 100, 50, false)).toEqual({ anchor: { x: 0, y: 0 }, sx: 2, sy: 1.5 });
    expect(scalingForHandle('se', BOX, 100, 50, true)).toEqual({ anchor: { x: 0, y: 0 }, sx: 2, sy: 2 });
    expect(scalingForHandle('w', BOX, 50, 30, false)).toEqual({ anchor: { x: 100, y: 50 }, sx: 0.5, sy: 1 });
    expect(scalingForHandle('n', BOX, 0, -100, true)).toEqual({ anchor: { x: 50, y: 100 }, sx: 2, sy: 2 });
    expect(scalingForHandle('nw', BOX, 150, 150, false)).toEqual({ anchor: { x: 100, y: 100 }, sx: -0.5, sy: -0.5 });
  });
});

describe('select tool: resizing and rotating', () => {
  it('resizes from a handle: one write on up, one undo step', () => {
    const h = createHarness();
    h.seed(note('n', 0, 0));
    h.ui.getState().select(['n']);
    expect(h.drive([down(100, 100), move(150, 120), move(200, 150)])).toEqual(['idle', 'resizing']);
    expect(h.controller.preview()).toMatchObject({ kind: 'transform', action: 'resize', shapes: [{ w: 200, h: 150 }] });
    expect(h.updates).toBe(0);
    expect(h.drive([up(200, 150, { shiftKey: true })])).toEqual(['resizing', 'idle']);
    expect(h.board.get('n')).toMatchObject({ x: 0, y: 0, w: 200, h: 200 });
    expect(h.updates).toBe(1);
    h.undo.undo();
    expect(h.board.get('n')).toMatchObject({ w: 100, h: 100 });
  });

  it('scales positions, sizes and pen points of a multi-selection around the opposite handle', () => {
    const h = createHarness();
    const stroke = pen('p', 100, 100, [0, 0, 0.5, 50, 0, 0.5]);
    h.seed(note('n', 0, 0, 50, 50), stroke);
    // The selection runs from the note's corner (0, 0) to the far corner of the pen's ink.
    const { maxX, maxY } = shapeBounds(stroke);
    h.ui.getState().select(['n', 'p']);
    h.drive([down(0, 0), move(-50, -20), up(-maxX, -maxY)]); // nw handle to twice the size, about (maxX, maxY)
    const scaledNote = h.board.get('n');
    expect(scaledNote).toMatchObject({ type: 'note', w: 100, h: 100 });
    expect(scaledNote?.x).toBeCloseTo(-maxX);
    expect(scaledNote?.y).toBeCloseTo(-maxY);
    const scaledPen = h.board.get('p');
    expect(scaledPen).toMatchObject({ points: [0, 0, 0.5, 100, 0, 0.5] });
    expect(scaledPen?.x).toBeCloseTo(200 - maxX);
    expect(scaledPen?.y).toBeCloseTo(200 - maxY);
    expect(h.updates).toBe(1);
  });

  it('an image keeps its aspect ratio from any handle; Shift frees it', () => {
    const h = createHarness();
    h.seed(image('i', 0, 0, 200, 100));
    h.ui.getState().select(['i']);
    h.drive([down(200, 100), move(300, 120), up(300, 120)]); // se corner: the larger factor (1.5) wins
    expect(h.board.get('i')).toMatchObject({ x: 0, y: 0, w: 300, h: 150 });
    h.drive([down(300, 75), move(360, 75), up(360, 75)]); // e edge: the height follows, about the middle
    expect(h.board.get('i')).toMatchObject({ x: 0, y: -15, w: 360, h: 180 });
    h.drive([down(360, 165), move(400, 285, { shiftKey: true }), up(400, 285, { shiftKey: true })]);
    expect(h.board.get('i')).toMatchObject({ x: 0, y: -15, w: 400, h: 300 });
  });

  it('a selection holding an image resizes proportionally too', () => {
    const h = createHarness();
    h.seed(image('i', 0, 0, 100, 100), note('n', 100, 0, 100, 100));
    h.ui.getState().select(['i', 'n']);
    h.drive([down(200, 100), move(300, 100), up(400, 100)]); // se corner, dragged right only
    expect(h.board.get('n')).toMatchObject({ w: 200, h: 200 });
    expect(h.board.get('i')).toMatchObject({ w: 200, h: 200 });
  });

  it('a click on a handle writes nothing', () => {
    const h = createHarness();
    h.seed(note('n', 0, 0));
    h.ui.getState().select(['n']);
    expect(h.drive([down(100, 100), up(100, 100)])).toEqual(['idle', 'resizing', 'idle']);
    expect(h.updates).toBe(0);
  });

  it('rotates about the selection centre from the handle above it; Shift snaps to 15°', () => {
    const h = createHarness();
    h.seed(note('n', 0, 0));
    h.ui.getState().select(['n']);
    // Handle at (50, -24); dragging it round to the right of the centre (50, 50) is a quarter turn.
    expect(h.drive([down(50, -24), move(100, 0), up(150, 50)])).toEqual(['idle', 'rotating', 'idle']);
    const turned = h.board.get('n');
    expect(turned?.rotation).toBeCloseTo(Math.PI / 2);
    expect(turned?.x).toBeCloseTo(100);
    expect(turned?.y).toBeCloseTo(0);
    h.undo.undo();
    const handle = { x: 50, y: -24 };
    const angle = (20 * Math.PI) / 180; // 20° clockwise from straight up
    const to = { x: 50 + 74 * Math.sin(angle), y: 50 - 74 * Math.cos(angle) };
    h.drive([down(handle.x, handle.y), move(to.x, to.y, { shiftKey: true })]);
    const preview = h.controller.preview();
    expect(preview?.kind === 'transform' && preview.shapes[0]?.rotation).toBeCloseTo(Math.PI / 12);
  });
});
