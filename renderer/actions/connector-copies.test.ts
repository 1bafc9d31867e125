import { describe, expect, it } from 'vitest';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

const registry = createDefaultActions();

/** Rects a and b (x 0 and 100, 120 × 80 as test-context makes them) and an arrow bound from a to b. */
function boundPair() {
  const ctx = createTestContext();
  ctx.board.create([
    rect('a', { x: 0, y: 0 }),
    rect('b', { x: 300, y: 0 }),
    {
      type: 'arrow',
      id: 'arrow',
      x: 0,
      y: 0,
      rotation: 0,
      opacity: 1,
      style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 },
      points: [60, 40, 360, 40],
      arrowheads: { start: false, end: true },
      startBinding: { shapeId: 'a', anchor: [0.5, 0.5] },
      endBinding: { shapeId: 'b', anchor: [0.5, 0.5] },
    },
  ]);
  return ctx;
}

describe('copies of bound connectors', () => {
  it('a copy of an arrow alone is free, drawn where the original is drawn (offset)', () => {
    const ctx = boundPair();
    const original = ctx.board.get('arrow')!;
    ctx.ui.getState().select(['arrow']);
    registry.perform('edit.duplicate', ctx);
    const copy = ctx.board.get(ctx.ui.getState().selection[0]!)!;
    expect(copy).not.toHaveProperty('startBinding');
    expect(copy).not.toHaveProperty('endBinding');
    expect(copy.type === 'arrow' && copy.points).toEqual(original.type === 'arrow' && original.points);
  });

  it('a copy of an arrow with its shapes is bound to the copies of those shapes', () => {
    const ctx = boundPair();
    ctx.ui.getState().select(['a', 'b', 'arrow']);
    registry.perform('edit.duplicate', ctx);
    const [copyOfA, copyOfB, copyOfArrow] = ctx.ui.getState().selection.map((id) => ctx.board.get(id)!);
    expect(copyOfArrow).toMatchObject({
      startBinding: { shapeId: copyOfA!.id, anchor: [0.5, 0.5] },
      endBinding: { shapeId: copyOfB!.id, anchor: [0.5, 0.5] },
    });
  });
});

describe('nudging bound connectors', () => {
  it('an arrow nudged on its own lets go of its shapes, where it was drawn; nudged with them it keeps them', () => {
    const ctx = boundPair();
    ctx.ui.getState().select(['arrow', 'a', 'b']);
    registry.handleKeyDown({ key: 'ArrowDown' }, ctx);
    expect(ctx.board.get('arrow')).toMatchObject({ startBinding: { shapeId: 'a' }, endBinding: { shapeId: 'b' } });
    const drawn = ctx.board.get('arrow')!;
    ctx.ui.getState().select(['arrow']);
    registry.handleKeyDown({ key: 'ArrowDown' }, ctx);
    const nudged = ctx.board.get('arrow')!;
    expect(nudged).not.toHaveProperty('startBinding');
    expect(nudged).toMatchObject({ y: drawn.y + 1, points: drawn.type === 'arrow' ? drawn.points : [] });
  });
});
