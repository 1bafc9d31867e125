import { describe, expect, it } from 'vitest';
import { MAX_PEN_POINTS } from '../../shared/model';
import { penOutline } from '../shapes';
import { cancel, createHarness, down, keyDown, move, up } from './testing/harness';

describe('pen tool', () => {
  it('draws one stroke per gesture, written once on up, and stays active', () => {
    const h = createHarness({ tool: 'pen' });
    expect(h.drive([down(10, 20), move(20, 25), move(30, 40)])).toEqual(['idle', 'drawing']);
    expect(h.updates).toBe(0);
    const preview = h.controller.preview();
    expect(preview).toMatchObject({ kind: 'draft', tool: 'pen', shape: { type: 'pen', x: 10, y: 20 } });
    expect(preview?.kind === 'draft' && preview.shape.type === 'pen' && preview.shape.points).toEqual([
      0, 0, 0.5, 10, 5, 0.5, 20, 20, 0.5,
    ]);
    expect(h.drive([up(30, 40)])).toEqual(['drawing', 'idle']);
    expect(h.updates).toBe(1);
    const [stroke] = h.board.all();
    expect(stroke).toMatchObject({
      type: 'pen',
      x: 10,
      y: 20,
      rotation: 0,
      opacity: 1,
      style: { stroke: '#1e1e1e', strokeWidth: 2 },
    });
    expect(h.ui.getState()).toMatchObject({ tool: 'pen', selection: [] });
    expect(h.controller.preview()).toBeNull();
  });

  it('records pen pressure; a mouse or touch records none (0.5), which the outline simulates', () => {
    const h = createHarness({ tool: 'pen' });
    h.drive([down(0, 0, { pointerType: 'pen', pressure: 0.2 }), move(50, 0, { pointerType: 'pen', pressure: 0.9 })]);
    h.drive([up(50, 50, { pointerType: 'pen', pressure: 1 })]);
    const pressuresOf = (index: number) => {
      const stroke = h.board.all()[index];
      return stroke?.type === 'pen' ? stroke.points.filter((_, i) => i % 3 === 2) : [];
    };
    expect(pressuresOf(0)).toEqual([0.2, 0.9, 1]);
    h.drive([down(0, 0, { pressure: 0 }), up(40, 0, { pressure: 0 })]);
    expect(pressuresOf(1)).toEqual([0.5, 0.5]);
    h.drive([down(0, 0, { pointerType: 'touch', pressure: 0 }), up(40, 0, { pointerType: 'touch', pressure: 1 })]);
    expect(pressuresOf(2)).toEqual([0.5, 0.5]);
  });

  it('skips points under one screen pixel from the last one, at any zoom', () => {
    const h = createHarness({ tool: 'pen', viewport: { x: 0, y: 0, zoom: 4 } });
    h.drive([down(0, 0), move(0.2, 0), move(0.4, 0), move(0.3, 0.1)]); // 0.8 px, 1.6 px, then 0.56 px from the kept one
    const preview = h.controller.preview();
    expect(preview?.kind === 'draft' && preview.shape.type === 'pen' && preview.shape.points.length).toBe(6);
  });

  it('commits exactly the points it previewed, so the stroke looks the same once drawn', () => {
    const h = createHarness({ tool: 'pen' });
    h.drive([down(0, 0), ...Array.from({ length: 40 }, (_, i) => move(i * 3, Math.sin(i / 4) * 20))]);
    const preview = h.controller.preview();
    const previewed = preview?.kind === 'draft' && preview.shape.type === 'pen' ? preview.shape : null;
    h.drive([up(117, Math.sin(39 / 4) * 20)]); // where the last move was: adds nothing
    const [stroke] = h.board.all();
    expect(stroke?.type === 'pen' && stroke.points).toEqual(previewed?.points);
    expect(stroke?.type === 'pen' && penOutline(stroke.points, 2)).toEqual(penOutline(previewed!.points, 2));
  });

  it('keeps at most 10,000 points, halving a very long stroke as it grows', () => {
    const h = createHarness({ tool: 'pen' });
    const zigzag = Array.from({ length: 25_000 }, (_, i) => move(i * 2, (i % 2) * 30));
    h.drive([down(0, 0), ...zigzag, up(50_000, 0)]);
    const long = h.board.all()[0];
    const count = long?.type === 'pen' ? long.points.length / 3 : 0;
    expect(count).toBeLessThanOrEqual(MAX_PEN_POINTS);
    expect(count).toBeGreaterThan(MAX_PEN_POINTS / 2);
    expect(long?.type === 'pen' && long.points.slice(-3)).toEqual([50_000, 0, 0.5]);
  });

  it('a click is a dot; one gesture is one undo step; Esc writes nothing', () => {
    const h = createHarness({ tool: 'pen' });
    h.drive([down(5, 5), up(5, 5)]);
    expect(h.board.all()[0]).toMatchObject({ points: [0, 0, 0.5] });
    h.drive([down(0, 0), move(10, 10), up(20, 0)]);
    expect(h.board.all()).toHaveLength(2);
    h.undo.undo();
    expect(h.board.all()).toHaveLength(1);
    h.resetUpdates();
    expect(h.drive([down(0, 0), move(30, 30), keyDown('Escape'), up(40, 40)])).toEqual(['idle', 'drawing', 'idle']);
    expect(h.drive([down(0, 0), move(30, 30), cancel])).toEqual(['idle', 'drawing', 'idle']);
    expect(h.updates).toBe(0);
  });
});
