import { describe, expect, it } from 'vitest';
import { cancel, createHarness, down, move, up } from './testing/harness';

describe('hand tool', () => {
  it('pans by the screen delta divided by the zoom and writes nothing', () => {
    const h = createHarness({ tool: 'hand', viewport: { x: 0, y: 0, zoom: 2 } });
    const start = h.pointer(0, 0);
    const path = [h.controller.active.state];
    h.controller.pointerDown(start);
    path.push(h.controller.active.state);
    h.controller.pointerMove({ ...start, screenX: 100, screenY: 40 });
    h.controller.pointerUp({ ...start, screenX: 120, screenY: 40 });
    path.push(h.controller.active.state);
    expect(path).toEqual(['idle', 'panning', 'idle']);
    expect(h.ui.getState().viewport).toEqual({ x: -60, y: -20, zoom: 2 });
    expect(h.updates).toBe(0);
  });

  it('Esc puts the view back', () => {
    const h = createHarness({ tool: 'hand' });
    expect(h.drive([down(0, 0), move(50, 50), cancel, up(60, 60)])).toEqual(['idle', 'panning', 'idle']);
    expect(h.ui.getState().viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('pans with the middle button too, never the secondary one', () => {
    const h = createHarness({ tool: 'hand' });
    expect(h.drive([down(0, 0, { button: 1 }), move(10, 0, { button: 1 }), up(10, 0, { button: 1 })])).toEqual([
      'idle',
      'panning',
      'idle',
    ]);
    expect(h.drive([down(0, 0, { button: 2 }), move(10, 0, { button: 2 })])).toEqual(['idle']);
  });
});
