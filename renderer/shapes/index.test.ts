import { describe, expect, it } from 'vitest';
import { parseShape, SHAPE_TYPES } from '../../shared/model';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { GEOMETRY, hitTestShape, scaleShape, shapeBounds, shapeIntersectsRect } from './index';
import { boxCentre, expandBox } from './math';

describe('shape registry', () => {
  it('has geometry for every kind in the model', () => {
    expect(Object.keys(GEOMETRY).sort()).toEqual([...SHAPE_TYPES].sort());
  });

  it('dispatches by type: every example lies inside its bounds and a marquee on them selects it', () => {
    for (const shape of exampleShapes()) {
      const box = shapeBounds(shape);
      expect(box.maxX, shape.type).toBeGreaterThan(box.minX);
      expect(shapeIntersectsRect(shape, box), shape.type).toBe(true);
      expect(shapeIntersectsRect(shape, expandBox(box, -1)), shape.type).toBe(false);
      expect(hitTestShape(shape, { x: box.maxX + 50, y: box.maxY + 50 }, 4), shape.type).toBe(false);
    }
  });

  it('keeps every kind valid when scaled, mirrored or squashed flat', () => {
    for (const shape of exampleShapes()) {
      for (const [sx, sy] of [
        [2, 3],
        [-1, 1],
        [0, 0.5],
        [1e9, 1e9],
      ] as const) {
        const scaled = scaleShape({ ...shape, rotation: 0.4 }, { anchor: boxCentre(shapeBounds(shape)), sx, sy });
        expect(parseShape(scaled), `${shape.type} ${sx} ${sy}`).toMatchObject({ ok: true });
      }
    }
  });
});
