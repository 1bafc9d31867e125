import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../shared/model';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { pathPoints } from '../line/geometry';
import type { Point } from '../math';
import { measureTextBox } from '../text-metrics';
import { anchorAt, BINDING_GAP, bindTargetOf, boundEnd, drawnPath, resolveConnector, type Connector } from './index';

const stroke = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 };
const rect = exampleShape('rect', { id: 'box', x: 0, y: 0, w: 100, h: 60, style: stroke });
const lookupOf =
  (...shapes: Shape[]) =>
  (id: string) =>
    shapes.find((shape) => shape.id === id);

function close(actual: Point, expected: Point): void {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
}

function target(shape: Shape) {
  const bound = bindTargetOf(shape);
  if (!bound) throw new Error(`${shape.type} takes no binding`);
  return bound;
}

describe('where a bound end meets its target', () => {
  it('rect: leaves through the side the ray crosses, a gap plus half the stroke beyond it', () => {
    close(boundEnd(target(rect), [0.5, 0.5], { x: 400, y: 30 }), { x: 100 + 1 + BINDING_GAP, y: 30 });
    close(boundEnd(target(rect), [0.5, 0.5], { x: 50, y: -500 }), { x: 50, y: -1 - BINDING_GAP });
    // From an off-centre anchor the ray keeps its direction: toward (150, 80) from (25, 30) leaves at x = 100.
    const end = boundEnd(target(rect), [0.25, 0.5], { x: 150, y: 80 });
    expect(end.x).toBeGreaterThan(100);
    expect((end.y - 30) / (end.x - 25)).toBeCloseTo(50 / 125, 6);
  });

  it('ellipse: meets the inscribed ellipse, not its box', () => {
    const ellipse = exampleShape('ellipse', { x: 0, y: 0, w: 100, h: 60, style: stroke });
    close(boundEnd(target(ellipse), [0.5, 0.5], { x: 400, y: 30 }), { x: 100 + 1 + BINDING_GAP, y: 30 });
    const diagonal = boundEnd(target(ellipse), [0.5, 0.5], { x: 450, y: 430 });
    const back = { x: diagonal.x - 5 * Math.SQRT1_2, y: diagonal.y - 5 * Math.SQRT1_2 };
    expect(((back.x - 50) / 50) ** 2 + ((back.y - 30) / 30) ** 2).toBeCloseTo(1, 6);
  });

  it('note, image and text bind to their boxes (text as measured), without a stroke', () => {
    const note = exampleShape('note', { x: 0, y: 0, w: 200, h: 200 });
    close(boundEnd(target(note), [0.5, 0.5], { x: 100, y: 900 }), { x: 100, y: 200 + BINDING_GAP });
    const image = exampleShape('image', { x: 10, y: 10, w: 40, h: 30 });
    close(boundEnd(target(image), [0, 0.5], { x: -100, y: 25 }), { x: 10 - BINDING_GAP, y: 25 });
    const text = exampleShape('text', { x: 0, y: 0 });
    const box = measureTextBox(text);
    close(boundEnd(target(text), [0.5, 0.5], { x: 1000, y: box.h / 2 }), { x: box.w + BINDING_GAP, y: box.h / 2 });
  });

  it('follows a rotated target: the outline turns with it', () => {
    // Turned 90° about (100, 100): the box covers x 40..100, y 100..200, its centre (70, 150).
    const turned = { ...rect, x: 100, y: 100, rotation: Math.PI / 2 };
    close(boundEnd(target(turned), [0.5, 0.5], { x: 500, y: 150 }), { x: 100 + 1 + BINDING_GAP, y: 150 });
    close(boundEnd(target(turned), [0.5, 0.5], { x: 70, y: 900 }), { x: 70, y: 200 + 1 + BINDING_GAP });
    const anchor = anchorAt(target(turned), { x: 70, y: 150 });
    expect(anchor[0]).toBeCloseTo(0.5);
    expect(anchor[1]).toBeCloseTo(0.5);
  });

  it('stays at the anchor when the point it aims at is inside the target', () => {
    close(boundEnd(target(rect), [0.2, 0.5], { x: 90, y: 30 }), { x: 20, y: 30 });
  });

  it('pens, lines and arrows take no binding', () => {
    expect(bindTargetOf(exampleShape('pen'))).toBeNull();
    expect(bindTargetOf(exampleShape('arrow'))).toBeNull();
  });

  it('clamps an anchor picked outside the box onto it', () => {
    expect(anchorAt(target(rect), { x: -50, y: 90 })).toEqual([0, 1]);
  });
});

describe('a connector as drawn', () => {
  const right = exampleShape('rect', { id: 'right', x: 300, y: 0, w: 100, h: 60, style: stroke });
  const arrow = (overrides: Partial<Connector> = {}) =>
    exampleShape('arrow', { id: 'arrow', x: 0, y: 0, points: [50, 30, 350, 30], ...overrides } as object);

  it('derives both bound ends from the targets, keeping x, y and rotation', () => {
    const bound = arrow({
      startBinding: { shapeId: 'box', anchor: [0.5, 0.5] },
      endBinding: { shapeId: 'right', anchor: [0.5, 0.5] },
    });
    const drawn = resolveConnector(bound, lookupOf(rect, right));
    expect(pathPoints(drawn.points)).toEqual([
      { x: 100 + 1 + BINDING_GAP, y: 30 },
      { x: 300 - 1 - BINDING_GAP, y: 30 },
    ]);
    const moved = { ...right, y: 200 };
    const after = drawnPath(bound, lookupOf(rect, moved));
    expect(after[1]!.y).toBeLessThan(230); // aims at the moved box's anchor, from above-left
    expect(after[1]!.x).toBeGreaterThan(300 - 10);
  });

  it('draws the stored points for an end whose target is gone or cannot bind, and is unchanged without bindings', () => {
    const plain = arrow();
    expect(resolveConnector(plain, lookupOf(rect))).toBe(plain);
    const orphan = arrow({ endBinding: { shapeId: 'gone', anchor: [0.5, 0.5] } });
    expect(resolveConnector(orphan, lookupOf(rect))).toBe(orphan);
    const toPen = arrow({ endBinding: { shapeId: 'pen-1', anchor: [0.5, 0.5] } });
    expect(resolveConnector(toPen, lookupOf(exampleShape('pen')))).toBe(toPen);
  });

  it('aims a bound end at the neighbouring middle point of a longer path', () => {
    const bent = arrow({ points: [50, 30, 50, 200, 350, 30], startBinding: { shapeId: 'box', anchor: [0.5, 0.5] } });
    const [start, middle] = drawnPath(bent, lookupOf(rect));
    close(start!, { x: 50, y: 60 + 1 + BINDING_GAP });
    close(middle!, { x: 50, y: 200 });
  });

  it('works in a rotated connector frame: the drawing is the same board path', () => {
    const bound = arrow({
      startBinding: { shapeId: 'box', anchor: [0.5, 0.5] },
      endBinding: { shapeId: 'right', anchor: [0.5, 0.5] },
    });
    const turned = { ...bound, x: 20, y: -10, rotation: 0.7 };
    const a = drawnPath(bound, lookupOf(rect, right));
    const b = drawnPath(turned, lookupOf(rect, right));
    a.forEach((p, i) => close(b[i]!, p));
  });
});

describe('elbow routes', () => {
  const isOrthogonal = (path: Point[]) =>
    path.slice(1).every((p, i) => Math.abs(p.x - path[i]!.x) < 1e-9 || Math.abs(p.y - path[i]!.y) < 1e-9);

  it('leaves and enters perpendicular to the sides facing each other', () => {
    // Sides are picked in the box's own proportions: (500, 100) is further right of this box than below it.
    const below = exampleShape('rect', { id: 'below', x: 500, y: 100, w: 100, h: 60, style: stroke });
    const elbow = exampleShape('arrow', {
      id: 'elbow',
      x: 0,
      y: 0,
      points: [0, 0, 1, 1],
      route: 'elbow',
      startBinding: { shapeId: 'box', anchor: [0.5, 0.5] },
      endBinding: { shapeId: 'below', anchor: [0.5, 0.5] },
    });
    const path = drawnPath(elbow, lookupOf(rect, below));
    expect(isOrthogonal(path)).toBe(true);
    close(path[0]!, { x: 100 + 1 + BINDING_GAP, y: 30 }); // out of the right side
    expect(path[1]!.y).toBeCloseTo(30); // first run horizontal
    close(path[path.length - 1]!, { x: 500 - 1 - BINDING_GAP, y: 130 }); // into the left side
    expect(path[path.length - 2]!.y).toBeCloseTo(130);
    expect(path).toHaveLength(4); // a Z: out, across, in
  });

  it('bends once between a vertical and a horizontal end, and routes free ends too', () => {
    const tall = exampleShape('rect', { id: 'tall', x: 0, y: 300, w: 60, h: 200, style: stroke });
    const elbow = exampleShape('line', {
      id: 'elbow',
      x: 0,
      y: 0,
      points: [250, 100, 30, 400],
      route: 'elbow',
      endBinding: { shapeId: 'tall', anchor: [0.5, 0.5] },
    });
    const path = drawnPath(elbow, lookupOf(tall));
    expect(path).toEqual([
      { x: 250, y: 100 },
      { x: 250, y: 400 },
      { x: 60 + 1 + BINDING_GAP, y: 400 },
    ]);
    const free = drawnPath({ ...elbow, endBinding: undefined }, lookupOf());
    expect(isOrthogonal(free)).toBe(true);
    expect(free).toHaveLength(4); // a Z: down, across, down
  });
});
