import { describe, expect, it } from 'vitest';
import { compareZOrder, parseShape } from '../../shared/model';
import { BOARD_AREA, generateShapes, MIXED_KINDS, PEN_POINTS } from './shapes';

describe('generated benchmark boards', () => {
  const shapes = generateShapes(5_000, 42);

  it('makes only shapes that pass parseShape', () => {
    const failures = shapes.flatMap((shape) => {
      const result = parseShape(shape);
      return result.ok ? [] : [`${shape.id}: ${result.error}`];
    });
    expect(failures).toEqual([]);
  });

  it('mixes every kind but images and frames, as many as asked, with unique ids, ascending z-order and pens of ~30 points', () => {
    expect(new Set(shapes.map((shape) => shape.type))).toEqual(new Set(MIXED_KINDS));
    expect(MIXED_KINDS).not.toContain('frame');
    expect(shapes).toHaveLength(5_000);
    expect(new Set(shapes.map((shape) => shape.id)).size).toBe(shapes.length);
    expect([...shapes].sort(compareZOrder)).toEqual(shapes);
    for (const shape of shapes) if (shape.type === 'pen') expect(shape.points).toHaveLength(PEN_POINTS * 3);
  });

  it('spreads shapes over the whole board area', () => {
    const xs = shapes.map((shape) => shape.x);
    const ys = shapes.map((shape) => shape.y);
    expect(Math.min(...xs)).toBeLessThan(BOARD_AREA * 0.01);
    expect(Math.max(...xs)).toBeGreaterThan(BOARD_AREA * 0.99);
    expect(Math.min(...ys)).toBeGreaterThan(-1);
    expect(Math.max(...ys)).toBeLessThan(BOARD_AREA);
  });

  it('is deterministic for a seed', () => {
    expect(generateShapes(50, 7)).toEqual(generateShapes(50, 7));
    expect(generateShapes(50, 7)).not.toEqual(generateShapes(50, 8));
  });

  it('stays valid at the largest default size', () => {
    const big = generateShapes(20_000, 20_000);
    expect(big.every((shape) => parseShape(shape).ok)).toBe(true);
  });
});
