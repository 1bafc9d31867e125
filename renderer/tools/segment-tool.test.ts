import { describe, expect, it } from 'vitest';
import { cancel, createHarness, down, keyDown, move, up } from './testing/harness';
import { rect } from './testing/shapes';

describe('line and arrow tools', () => {
  it('drag from start to end: one line, written on up, then select with it selected', () => {
    const h = createHarness({ tool: 'line' });
    expect(h.drive([down(10, 20), move(50, 40), move(110, 70)])).toEqual(['idle', 'pointing', 'dragging']);
    expect(h.updates).toBe(0);
    expect(h.controller.preview()).toMatchObject({ kind: 'draft', shape: { type: 'line', points: [0, 0, 100, 50] } });
    h.drive([up(110, 70)]);
    expect(h.updates).toBe(1);
    const [line] = h.board.all();
    expect(line).toMatchObject({ type: 'line', x: 10, y: 20, points: [0, 0, 100, 50] });
    expect(h.ui.getState()).toMatchObject({ tool: 'select', selection: [line?.id] });
  });

  it('Shift snaps to 45° keeping the length; arrows get a head at the end', () => {
    const h = createHarness({ tool: 'arrow' });
    h.drive([down(0, 0), move(20, 20), up(100, 90, { shiftKey: true })]);
    const [arrow] = h.board.all();
    const side = Math.hypot(100, 90) / Math.SQRT2;
    expect(arrow).toMatchObject({ type: 'arrow', arrowheads: { start: false, end: true } });
    expect(arrow?.type === 'arrow' && arrow.points[2]).toBeCloseTo(side);
    expect(arrow?.type === 'arrow' && arrow.points[3]).toBeCloseTo(side);
    h.ui.getState().setTool('line');
    h.drive([down(0, 0), move(20, 3), up(0, 80, { shiftKey: true })]);
    expect(h.board.all()[1]).toMatchObject({ points: [0, 0, 0, 80] });
  });

  it('a lone click makes nothing and keeps the tool; Esc mid-drag writes nothing', () => {
    const h = createHarness({ tool: 'line' });
    expect(h.drive([down(10, 10), up(11, 11), keyDown('Escape')])).toEqual(['idle', 'pointing', 'placing', 'idle']);
    expect(h.drive([down(10, 10), move(50, 50), cancel, up(60, 60)])).toEqual(['idle', 'pointing', 'dragging', 'idle']);
    expect(h.updates).toBe(0);
    expect(h.ui.getState().tool).toBe('line');
  });

  it('one gesture is one undo step', () => {
    const h = createHarness({ tool: 'arrow' });
    h.drive([down(0, 0), move(30, 0), up(60, 0)]);
    expect(h.undo.undo()).toBe(true);
    expect(h.board.all()).toEqual([]);
    expect(h.undo.canUndo).toBe(false);
  });
});

describe('paths of several points', () => {
  it('each click adds a point; a double-click finishes; the preview follows the pointer', () => {
    const h = createHarness({ tool: 'line' });
    h.drive([down(0, 0), up(0, 0), move(100, 0), down(100, 0), up(100, 0)]);
    h.tick(1000);
    h.drive([move(100, 80)]);
    expect(h.controller.preview()).toMatchObject({ kind: 'draft', shape: { points: [0, 0, 100, 0, 100, 80] } });
    expect(h.updates).toBe(0);
    h.drive([down(100, 80), up(100, 80), down(100, 80), up(100, 80)]);
    expect(h.board.all()).toMatchObject([{ type: 'line', x: 0, y: 0, points: [0, 0, 100, 0, 100, 80] }]);
    expect(h.updates).toBe(1);
  });

  it('Enter or Esc finishes the path clicked so far, one undo step', () => {
    const h = createHarness({ tool: 'arrow' });
    h.drive([down(0, 0), up(0, 0), move(50, 0), down(50, 0), up(50, 0)]);
    h.tick(1000);
    h.drive([down(50, 50), up(50, 50), keyDown('Enter')]);
    expect(h.board.all()).toMatchObject([{ type: 'arrow', points: [0, 0, 50, 0, 50, 50] }]);
    h.ui.getState().setTool('arrow');
    h.drive([down(200, 0), up(200, 0), move(260, 0)]);
    h.tick(1000);
    h.drive([down(260, 0), up(260, 0), keyDown('Escape')]);
    expect(h.board.all()[1]).toMatchObject({ x: 200, points: [0, 0, 60, 0] });
    expect(h.undo.undo()).toBe(true);
    expect(h.board.all()).toHaveLength(1);
  });
});

describe('binding ends to shapes', () => {
  function boxes() {
    const h = createHarness({ tool: 'arrow' });
    h.seed(rect('a', 0, 0, 100, 60), rect('b', 300, 0, 100, 60));
    return h;
  }

  it('a drag from one shape to another binds both ends at the anchors pressed and let go', () => {
    const h = boxes();
    h.drive([down(50, 30), move(200, 30), move(325, 45)]);
    expect(h.controller.preview()).toMatchObject({ kind: 'draft', bindTarget: 'b' });
    h.drive([up(325, 45)]);
    const arrow = h.board.all()[2];
    expect(arrow).toMatchObject({
      type: 'arrow',
      startBinding: { shapeId: 'a', anchor: [0.5, 0.5] },
      endBinding: { shapeId: 'b', anchor: [0.25, 0.75] },
    });
    // Read as drawn: the ends sit just outside the two outlines.
    if (arrow?.type !== 'arrow') throw new Error('no arrow');
    expect(arrow.x + arrow.points[0]!).toBeGreaterThan(100);
    expect(arrow.x + arrow.points[2]!).toBeLessThan(300);
  });

  it('Alt or Ctrl let go without binding, as does empty board', () => {
    const h = boxes();
    h.drive([down(50, 30, { altKey: true }), move(200, 30, { altKey: true }), up(325, 45, { altKey: true })]);
    h.ui.getState().setTool('arrow');
    h.drive([down(50, 30), move(200, 30), up(200, 200)]);
    const [, , free, half] = h.board.all();
    expect(free).not.toHaveProperty('startBinding');
    expect(free).not.toHaveProperty('endBinding');
    expect(half).toMatchObject({ startBinding: { shapeId: 'a' } });
    expect(half).not.toHaveProperty('endBinding');
  });
});
