import { describe, expect, it } from 'vitest';
import type { ShapeInput } from '../../doc';
import { pathPoints } from '../../shapes';
import { createHarness, down, move, up } from '../testing/harness';
import { connectorHandles } from './connector-points';
import { rect } from '../testing/shapes';

const base = { rotation: 0, opacity: 1, style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 } };

/** Boxes a (0..100) and b (300..400), y 0..60, c below; an arrow bound from a's centre to b's. */
function bound() {
  const h = createHarness();
  const arrow: ShapeInput = {
    type: 'arrow',
    id: 'arrow',
    x: 0,
    y: 0,
    ...base,
    points: [50, 30, 350, 30],
    arrowheads: { start: false, end: true },
    startBinding: { shapeId: 'a', anchor: [0.5, 0.5] },
    endBinding: { shapeId: 'b', anchor: [0.5, 0.5] },
  };
  h.seed(rect('a', 0, 0, 100, 60), rect('b', 300, 0, 100, 60), rect('c', 300, 300, 100, 60), arrow);
  return h;
}

const arrowOf = (h: ReturnType<typeof createHarness>) => {
  const arrow = h.board.get('arrow');
  if (arrow?.type !== 'arrow') throw new Error('no arrow');
  return arrow;
};

describe('select tool: the points of a line or arrow', () => {
  it('an end dragged onto another shape binds to it, highlighted meanwhile; one write on up', () => {
    const h = bound();
    h.ui.getState().select(['arrow']);
    // The drawn end is at x 295 (b's left side less the gap), where its handle is.
    expect(h.drive([down(295, 30), move(320, 200), move(325, 315)])).toEqual(['idle', 'point']);
    expect(h.controller.preview()).toMatchObject({ kind: 'transform', bindTarget: 'c' });
    expect(h.updates).toBe(0);
    h.drive([up(325, 315)]);
    expect(h.updates).toBe(1);
    expect(arrowOf(h).endBinding).toEqual({ shapeId: 'c', anchor: [0.25, 0.25] });
    expect(arrowOf(h).startBinding).toEqual({ shapeId: 'a', anchor: [0.5, 0.5] });
  });

  it('an end dragged to empty board, or with Alt, lets go there', () => {
    const h = bound();
    h.ui.getState().select(['arrow']);
    h.drive([down(295, 30), move(250, 150), up(250, 150)]);
    expect(arrowOf(h).endBinding).toBeUndefined();
    expect(pathPoints(arrowOf(h).points)[1]).toEqual({ x: 250, y: 150 });
    h.drive([down(250, 150), move(320, 320, { altKey: true }), up(325, 315, { altKey: true })]);
    expect(arrowOf(h).endBinding).toBeUndefined();
    expect(pathPoints(arrowOf(h).points)[1]).toEqual({ x: 325, y: 315 });
  });

  it('a press on a handle without a drag writes nothing', () => {
    const h = bound();
    h.ui.getState().select(['arrow']);
    h.drive([down(295, 30), up(296, 30)]);
    expect(h.updates).toBe(0);
  });

  it('moving a shape previews its connectors following, and writes only the shape', () => {
    const h = bound();
    h.ui.getState().select(['b']);
    // Alt: no snapping, so the box moves exactly by the drag.
    const alt = { altKey: true };
    h.drive([down(315, 1), move(315, 100, alt), move(315, 201, alt)]); // on the top edge, clear of the handles
    const preview = h.controller.preview();
    if (preview?.kind !== 'transform') throw new Error('no transform preview');
    const follower = preview.followers?.[0];
    expect(follower?.id).toBe('arrow');
    expect(follower?.type === 'arrow' && pathPoints(follower.points)[1]!.y).toBeGreaterThan(190);
    h.drive([up(315, 201, alt)]);
    expect(h.updates).toBe(1);
    expect(pathPoints(arrowOf(h).points)[1]!.y).toBeGreaterThan(190);
    expect(arrowOf(h).endBinding?.shapeId).toBe('b');
  });

  it('an arrow moved on its own lets go of its shapes; moved with them it keeps them', () => {
    const h = bound();
    h.ui.getState().select(['arrow', 'a', 'b']);
    const alt = { altKey: true }; // no snapping
    h.drive([down(200, 30), move(200, 80, alt), up(200, 130, alt)]);
    expect(arrowOf(h)).toMatchObject({ startBinding: { shapeId: 'a' }, endBinding: { shapeId: 'b' } });
    h.ui.getState().select(['arrow']);
    h.drive([down(150, 130), move(150, 150, alt), up(150, 180, alt)]); // on the shaft, clear of the handles
    expect(arrowOf(h).startBinding).toBeUndefined();
    expect(arrowOf(h).endBinding).toBeUndefined();
    expect(arrowOf(h)).toMatchObject({ y: 150, points: [105, 30, 295, 30] }); // where it was drawn, moved
  });

  it('a moved shape does not snap to the connectors that follow it', () => {
    const h = bound();
    h.ui.getState().select(['b']);
    // The arrow's end sits 4-5 units left of b's left edge: within snapping reach, were it a target.
    h.drive([down(315, 1), move(315, 20), up(315, 41)]);
    expect(h.board.get('b')).toMatchObject({ x: 300, y: 40 });
  });
});

describe('select tool: the handles of an elbow arrow', () => {
  it('sit on its two ends only: its bends are routed, not placed', () => {
    const h = bound();
    h.board.update('arrow', { route: 'elbow' });
    h.board.update('b', { x: 500, y: 100 }); // a Z: out of a's right side, down, into b's left side
    const arrow = h.board.get('arrow');
    if (arrow?.type !== 'arrow') throw new Error('no arrow');
    const handles = connectorHandles(arrow);
    expect(pathPoints(arrow.points)).toHaveLength(4);
    expect(handles.map(({ index }) => index)).toEqual([0, 3]);
  });
});
