/**
 * One valid shape of each kind, for tests and previews. Pass overrides to
 * vary a field; the result is not validated, so a test can make it invalid.
 */
import type { Shape, ShapeOfType, ShapeType } from './index';

const common = {
  index: 'a0',
  x: 10,
  y: 20,
  rotation: 0,
  opacity: 1,
  style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 },
} as const;

const EXAMPLES: { [Type in ShapeType]: ShapeOfType<Type> } = {
  pen: { type: 'pen', id: 'pen-1', ...common, points: [0, 0, 0.5, 4, 3, 0.6, 9, 5, 0.4] },
  rect: { type: 'rect', id: 'rect-1', ...common, w: 120, h: 80 },
  ellipse: { type: 'ellipse', id: 'ellipse-1', ...common, w: 60, h: 40 },
  line: { type: 'line', id: 'line-1', ...common, points: [0, 0, 100, 50] },
  arrow: { type: 'arrow', id: 'arrow-1', ...common, points: [0, 0, 100, 0], arrowheads: { start: false, end: true } },
  text: { type: 'text', id: 'text-1', ...common, text: 'Hello', fontSize: 24, w: 64 },
  note: { type: 'note', id: 'note-1', ...common, text: 'Remember', color: '#ffd966', w: 200, h: 200, fontSize: 20 },
  image: {
    type: 'image',
    id: 'image-1',
    ...common,
    w: 160,
    h: 90,
    sha256: 'a'.repeat(64),
    naturalWidth: 1600,
    naturalHeight: 900,
    mime: 'image/png',
  },
  frame: { type: 'frame', id: 'frame-1', ...common, w: 400, h: 300, name: 'Frame 1' },
};

export function exampleShape<Type extends ShapeType>(
  type: Type,
  overrides: Partial<ShapeOfType<Type>> = {},
): ShapeOfType<Type> {
  return { ...structuredClone(EXAMPLES[type]), ...overrides };
}

/** The examples of every kind, with distinct ids and ascending indices. */
export function exampleShapes(): Shape[] {
  const types = Object.keys(EXAMPLES) as ShapeType[];
  return types.map((type, position) => exampleShape(type, { id: `${type}-${position}`, index: `a${position}` }));
}
