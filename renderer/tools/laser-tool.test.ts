import { describe, expect, it } from 'vitest';
import { createHarness, down, move, up } from './testing/harness';

describe('laser tool', () => {
  it('draws a trail shown through the preview while dragging and writes nothing to the doc', () => {
    const h = createHarness({ tool: 'laser' });
    expect(h.drive([down(0, 0), move(10, 0), move(20, 5)])).toEqual(['idle', 'drawing']);
    expect(h.controller.preview()).toEqual({
      kind: 'laser',
      tool: 'laser',
      laser: {
        seq: 3,
        points: [
          [0, 0],
          [10, 0],
          [20, 5],
        ],
      },
    });
    h.drive([up(30, 5)]);
    expect(h.controller.preview()).toBeNull();
    expect(h.updates).toBe(0);
    expect(h.board.all()).toEqual([]);
  });

  it('stays usable for a viewer', () => {
    const h = createHarness({ tool: 'laser' });
    h.ui.getState().setCanEdit(false);
    expect(h.ui.getState().tool).toBe('laser');
  });
});
