import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { createHarness, down, move, up } from './testing/harness';
import { rect } from './testing/shapes';

const frame = (id: string, x: number, y: number, w: number, h: number) =>
  exampleShape('frame', { id, index: undefined as unknown as string, x, y, w, h, name: id });

describe('frame tool and frame membership', () => {
  it('draws a named frame and takes in the shapes wholly inside it, in one undo step', () => {
    const h = createHarness({ tool: 'frame' });
    h.seed(rect('inside', 20, 20, 50, 50), rect('across', 180, 20, 50, 50), rect('outside', 400, 400, 10, 10));
    h.drive([down(0, 0), move(10, 10), up(200, 150)]);
    expect(h.updates).toBe(1);
    const made = h.board.all().find((shape) => shape.type === 'frame');
    expect(made).toMatchObject({ type: 'frame', x: 0, y: 0, w: 200, h: 150, name: 'Frame 1' });
    expect(h.board.get('inside')?.frameId).toBe(made?.id);
    expect(h.board.get('across')?.frameId).toBeUndefined();
    expect(h.board.get('outside')?.frameId).toBeUndefined();
    h.undo.undo();
    expect(h.board.all().map((shape) => shape.id)).toEqual(['inside', 'across', 'outside']);
    expect(h.board.get('inside')?.frameId).toBeUndefined();
  });

  it('a shape drawn inside a frame joins it; one drawn outside does not', () => {
    const h = createHarness({ tool: 'rect' });
    h.seed(frame('f', 0, 0, 300, 200));
    h.ui.getState().toggleToolLock();
    h.drive([down(10, 10), move(20, 20), up(60, 60), down(500, 500), move(510, 510), up(560, 560)]);
    const [inside, outside] = h.board.all().filter((shape) => shape.type === 'rect');
    expect(inside?.frameId).toBe('f');
    expect(outside?.frameId).toBeUndefined();
  });

  it('moving a frame moves its members; a shape dragged out leaves, one dragged in joins, each in one step', () => {
    const h = createHarness({ tool: 'select' });
    h.seed(
      frame('f', 0, 0, 300, 200),
      { ...rect('member', 50, 50, 40, 40), frameId: 'f' },
      rect('loose', 500, 50, 40, 40),
    );
    // Grab the frame by its name and move it 100 right.
    h.drive([down(10, -10), move(30, -10), up(110, -10)]);
    expect(h.updates).toBe(1);
    expect(h.board.get('f')).toMatchObject({ x: 100, y: 0 });
    expect(h.board.get('member')).toMatchObject({ x: 150, y: 50, frameId: 'f' });
    // Drag the member out of the frame.
    h.resetUpdates();
    h.ui.getState().select([]);
    h.drive([down(150, 70), move(180, 70), up(580, 300)]);
    expect(h.updates).toBe(1);
    expect(h.board.get('member')).toMatchObject({ x: 580 });
    expect(h.board.get('member')?.frameId).toBeUndefined();
    h.undo.undo();
    expect(h.board.get('member')).toMatchObject({ x: 150, y: 50, frameId: 'f' });
    // Drag the loose shape into the frame.
    h.ui.getState().select([]);
    h.drive([down(500, 70), move(480, 70), up(200, 70)]);
    expect(h.board.get('loose')?.frameId).toBe('f');
  });
});
