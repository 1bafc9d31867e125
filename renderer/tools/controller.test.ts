import { describe, expect, it, vi } from 'vitest';
import { TOOL_IDS } from '../state/ui-store';
import { pointerAt } from './tool';
import { createHarness, down, keyDown, move, up } from './testing/harness';

describe('ToolController', () => {
  it('owns one tool per id and routes events to the tool the UI store names', () => {
    const h = createHarness({ tool: 'rect' });
    for (const id of TOOL_IDS) expect(h.controller.tools[id].id).toBe(id);
    expect(h.controller.active).toBe(h.controller.tools.rect);
    h.drive([down(0, 0), move(20, 20)]);
    expect(h.controller.tools.rect.state).toBe('dragging');
    expect(h.controller.tools.select.state).toBe('idle');
  });

  it('cancels the old tool’s gesture when the tool changes, so nothing is written later', () => {
    const h = createHarness({ tool: 'rect' });
    h.drive([down(0, 0), move(40, 40)]);
    expect(h.controller.preview()).not.toBeNull();
    h.ui.getState().setTool('ellipse');
    expect(h.controller.tools.rect.state).toBe('idle');
    expect(h.controller.preview()).toBeNull();
    h.drive([up(40, 40)]);
    h.ui.getState().setTool('rect');
    h.drive([up(40, 40)]);
    expect(h.updates).toBe(0);
    h.ui.getState().setTool('pen');
    h.drive([down(0, 0), move(10, 10)]);
    h.ui.getState().setTool('select');
    expect(h.controller.tools.pen.state).toBe('idle');
    expect(h.board.all()).toEqual([]);
  });

  it('tells subscribers after every event and tool switch', () => {
    const h = createHarness({ tool: 'pen' });
    const listener = vi.fn();
    const unsubscribe = h.controller.subscribe(listener);
    h.drive([down(0, 0), move(10, 10), keyDown('Escape')]);
    h.ui.getState().setTool('rect');
    expect(listener).toHaveBeenCalledTimes(4);
    unsubscribe();
    h.drive([down(0, 0)]);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('hands over to select after creating a shape, which then drives the next gesture', () => {
    const h = createHarness({ tool: 'rect' });
    h.drive([down(0, 0), move(50, 50), up(100, 100)]);
    expect(h.controller.active).toBe(h.controller.tools.select);
    const [id] = h.ui.getState().selection;
    h.drive([down(0, 25), move(10, 25), up(20, 25)]); // on the left edge, away from its handles
    expect(h.board.get(id!)).toMatchObject({ x: 20, y: 0 });
    expect(h.undo.undo()).toBe(true);
    expect(h.board.get(id!)).toMatchObject({ x: 0, y: 0 });
  });

  it('destroy stops following the store and cancels the active gesture', () => {
    const h = createHarness({ tool: 'rect' });
    h.drive([down(0, 0), move(50, 50)]);
    h.controller.destroy();
    expect(h.controller.tools.rect.state).toBe('idle');
  });

  it('starts gestures with the primary button only', () => {
    for (const tool of ['select', 'hand', 'pen', 'rect', 'line', 'text', 'note', 'eraser'] as const) {
      const h = createHarness({ tool });
      expect(h.drive([down(0, 0, { button: 2 }), move(50, 50, { button: 2 })]), tool).toEqual(['idle']);
    }
  });
});

describe('pointerAt', () => {
  it('converts screen pixels to board units and fills in mouse defaults', () => {
    const viewport = { x: 100, y: 50, zoom: 2 };
    expect(pointerAt(viewport, { screenX: 20, screenY: 40 })).toEqual({
      x: 110,
      y: 70,
      screenX: 20,
      screenY: 40,
      pressure: 0.5,
      pointerType: 'mouse',
      button: 0,
      shiftKey: false,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
    });
    expect(pointerAt(viewport, { screenX: 0, screenY: 0, pressure: 0 }).pressure).toBe(0.5);
    expect(pointerAt(viewport, { screenX: 0, screenY: 0, pointerType: 'pen', pressure: 1.7 }).pressure).toBe(1);
    expect(pointerAt(viewport, { screenX: 0, screenY: 0, pointerType: 'touch' }).pressure).toBe(0.5);
  });
});
