import { describe, expect, it } from 'vitest';
import { cancel, createHarness, down, move, up } from './testing/harness';

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

  it('a click makes nothing and keeps the tool; Esc mid-drag writes nothing', () => {
    const h = createHarness({ tool: 'line' });
    expect(h.drive([down(10, 10), up(11, 11)])).toEqual(['idle', 'pointing', 'idle']);
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
