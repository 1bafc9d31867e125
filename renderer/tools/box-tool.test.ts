import { describe, expect, it } from 'vitest';
import { cancel, createHarness, down, keyDown, keyUp, move, up } from './testing/harness';

describe('rect and ellipse tools', () => {
  it('drag up-left: normalised box, written once on up, then select with it selected', () => {
    const h = createHarness({ tool: 'rect' });
    const rectTool = h.controller.tools.rect;
    expect(h.drive([down(100, 100), move(80, 90), move(60, 70)])).toEqual(['idle', 'pointing', 'dragging']);
    expect(h.updates).toBe(0);
    expect(h.controller.preview()).toMatchObject({
      kind: 'draft',
      tool: 'rect',
      shape: { x: 60, y: 70, w: 40, h: 30 },
    });
    expect(h.drive([up(40, 50)], rectTool)).toEqual(['dragging', 'idle']);
    expect(h.updates).toBe(1);
    const [shape] = h.board.all();
    expect(shape).toMatchObject({ type: 'rect', x: 40, y: 50, w: 60, h: 50, rotation: 0, opacity: 1 });
    expect(shape).toMatchObject({ style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 } });
    expect(h.ui.getState()).toMatchObject({ tool: 'select', selection: [shape?.id] });
  });

  it('with the tool locked, stays a rectangle tool after each shape and selects nothing', () => {
    const h = createHarness({ tool: 'rect' });
    h.ui.getState().toggleToolLock();
    h.drive([down(0, 0), move(10, 10), up(50, 30), down(100, 100), move(110, 110), up(150, 130)]);
    expect(h.board.all()).toHaveLength(2);
    expect(h.ui.getState()).toMatchObject({ tool: 'rect', selection: [] });
  });

  it('takes style from the UI defaults', () => {
    const h = createHarness({ tool: 'ellipse' });
    h.ui.getState().setStyle({ stroke: '#ff0000', fill: '#00ff00', strokeWidth: 4, opacity: 0.5 });
    h.drive([down(0, 0), move(10, 10), up(50, 30)]);
    expect(h.board.all()[0]).toMatchObject({
      type: 'ellipse',
      w: 50,
      h: 30,
      opacity: 0.5,
      style: { stroke: '#ff0000', fill: '#00ff00', strokeWidth: 4 },
    });
  });

  it('Shift makes a square, Alt draws from the centre, and pressing Shift mid-drag updates the preview', () => {
    const h = createHarness({ tool: 'rect' });
    h.drive([down(0, 0), move(10, 10), up(80, -30, { shiftKey: true })]);
    expect(h.board.all()[0]).toMatchObject({ x: 0, y: -80, w: 80, h: 80 });
    h.ui.getState().setTool('ellipse');
    h.drive([down(100, 100), move(110, 110), up(130, 120, { altKey: true })]);
    expect(h.board.all()[1]).toMatchObject({ type: 'ellipse', x: 70, y: 80, w: 60, h: 40 });
    h.ui.getState().setTool('rect');
    h.drive([down(0, 0), move(40, 10), keyDown('Shift')]);
    expect(h.controller.preview()).toMatchObject({ shape: { w: 40, h: 40 } });
    h.drive([keyUp('Shift')]);
    expect(h.controller.preview()).toMatchObject({ shape: { w: 40, h: 10 } });
  });

  it('a click (within 3 screen px) makes a default 100 × 60 shape centred on it', () => {
    const h = createHarness({ tool: 'rect', viewport: { x: 0, y: 0, zoom: 2 } });
    // 1.4 board units at zoom 2 is 2.8 px: still a click.
    expect(h.drive([down(200, 200), move(201.4, 200), up(201.4, 200)])).toEqual(['idle', 'pointing', 'idle']);
    expect(h.board.all()[0]).toMatchObject({ x: 150, y: 170, w: 100, h: 60 });
  });

  it('one undo step per shape; Esc or a tool switch mid-drag writes nothing', () => {
    const h = createHarness({ tool: 'rect' });
    h.drive([down(0, 0), move(20, 20), up(40, 40)]);
    h.undo.undo();
    expect(h.board.all()).toEqual([]);
    h.ui.getState().setTool('rect');
    h.resetUpdates();
    expect(h.drive([down(0, 0), move(20, 20), cancel, up(40, 40)])).toEqual(['idle', 'pointing', 'dragging', 'idle']);
    const tool = h.controller.tools.rect;
    h.drive([down(0, 0), move(20, 20)]);
    h.ui.getState().setTool('pen');
    expect(tool.state).toBe('idle');
    h.drive([up(40, 40)]);
    expect(h.updates).toBe(0);
  });
});
