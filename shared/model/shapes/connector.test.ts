import { describe, expect, it } from 'vitest';
import { decodeBoardFile } from '../board-file';
import { MAX_CONNECTOR_POINTS } from '../limits';
import { exampleShape } from './examples';
import { parseShape, routeOf } from './index';

function errorOf(value: unknown): string {
  const result = parseShape(value);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be invalid`);
  return result.error;
}

/** A line exactly as boards stored it before connectors: four numbers, no binding, no route. */
const OLD_LINE = {
  type: 'line',
  id: 'old-line',
  index: 'a0',
  x: 10,
  y: 20,
  rotation: 0,
  opacity: 1,
  style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 },
  points: [0, 0, 100, 50],
};
const OLD_ARROW = { ...OLD_LINE, type: 'arrow', id: 'old-arrow', index: 'a1', arrowheads: { start: false, end: true } };

describe('connector fields on lines and arrows', () => {
  it('reads lines and arrows saved before connectors as they were: straight, unbound', () => {
    for (const old of [OLD_LINE, OLD_ARROW]) {
      const result = parseShape(old);
      expect(result).toEqual({ ok: true, shape: old });
      if (result.ok && (result.shape.type === 'line' || result.shape.type === 'arrow')) {
        expect(result.shape.startBinding).toBeUndefined();
        expect(routeOf(result.shape)).toBe('straight');
      }
    }
  });

  it('opens a .easel file written before connectors', () => {
    const text = JSON.stringify({
      format: 'easel',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      shapes: [OLD_LINE, OLD_ARROW],
    });
    const result = decodeBoardFile(text);
    expect(result.ok && result.file.shapes.map((shape) => shape.id)).toEqual(['old-line', 'old-arrow']);
  });

  it('takes 2..N points as x, y pairs', () => {
    const arrow = (points: number[]) => exampleShape('arrow', { points });
    expect(parseShape(arrow([0, 0, 10, 0, 10, 10])).ok).toBe(true);
    expect(parseShape(arrow(Array.from({ length: MAX_CONNECTOR_POINTS * 2 }, (_, i) => i)))).toMatchObject({
      ok: true,
    });
    expect(errorOf(arrow([0, 0]))).toMatch(/^points: .*at least two/);
    expect(errorOf(arrow([0, 0, 1, 1, 2]))).toMatch(/^points: .*even/);
    expect(errorOf(arrow(Array.from({ length: MAX_CONNECTOR_POINTS * 2 + 2 }, () => 1)))).toMatch(/^points: /);
    expect(errorOf(arrow([0, 0, 1e8, 0]))).toMatch(/^points\[2\]: /);
  });

  it('checks bindings: a shape id and an anchor inside the unit box', () => {
    const binding = { shapeId: 'rect-1', anchor: [0.5, 1] };
    expect(parseShape(exampleShape('line', { startBinding: binding, endBinding: binding } as object)).ok).toBe(true);
    expect(errorOf(exampleShape('arrow', { endBinding: { ...binding, shapeId: 'a/b' } } as object))).toMatch(
      /^endBinding\.shapeId: /,
    );
    expect(errorOf(exampleShape('arrow', { startBinding: { ...binding, anchor: [1.5, 0] } } as object))).toMatch(
      /^startBinding\.anchor\[0\]: /,
    );
    expect(errorOf(exampleShape('arrow', { startBinding: { shapeId: 'rect-1' } } as object))).toMatch(
      /^startBinding\.anchor: /,
    );
  });

  it('takes the route straight or elbow', () => {
    expect(parseShape(exampleShape('arrow', { route: 'elbow' })).ok).toBe(true);
    expect(errorOf(exampleShape('line', { route: 'curved' } as object))).toMatch(/^route: /);
  });
});
