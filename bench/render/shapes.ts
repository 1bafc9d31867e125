/**
 * Deterministic mixed boards for the render benchmark: every kind of shape,
 * spread over a square board area, valid under shared/model's shape schema.
 */
import { indicesBetween, type Shape, SHAPE_TYPES } from '../../shared/model';

/** Side of the square board area shapes are spread over, in board units. */
export const BOARD_AREA = 20_000;
export const PEN_POINTS = 30;

const STROKES = ['#1e1e1e', '#e03131', '#2f9e44', '#1971c2', '#f08c00', '#6741d9'];
const FILLS = ['none', 'none', '#ffc9c9', '#b2f2bb', '#a5d8ff', '#ffec99'];
const NOTE_COLORS = ['#fff3a3', '#ffd8a8', '#d0ebff', '#d3f9d8'];
const WORDS = [
  'plan',
  'sprint',
  'idea',
  'todo',
  'review',
  'ship',
  'risk',
  'users',
  'design',
  'metrics',
  'bug',
  'launch',
];

/** mulberry32: a small seeded PRNG in [0, 1), so a board is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The kinds a mixed board cycles through: every kind but images, whose files the relay must hold
 * (the images scenario, bench/render/images.ts, seeds those), and frames, which hold and clip other
 * shapes (random frames would make the boards, and so the numbers, incomparable with earlier ones).
 */
export const MIXED_KINDS = SHAPE_TYPES.filter((type) => type !== 'image' && type !== 'frame');

/** N shapes cycling through every kind, in ascending z-order, positions uniform over the board area. */
export function generateShapes(count: number, seed = 1): Shape[] {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const round = (value: number) => Math.round(value * 10) / 10;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const indices = indicesBetween(null, null, count);
  const shapes: Shape[] = [];
  for (let i = 0; i < count; i++) {
    const type = MIXED_KINDS[i % MIXED_KINDS.length]!;
    const base = {
      id: `s${i}`,
      index: indices[i]!,
      x: round(between(0, BOARD_AREA)),
      y: round(between(0, BOARD_AREA)),
      rotation: random() < 0.8 ? 0 : round(between(-Math.PI, Math.PI) * 100) / 100,
      opacity: 1,
      style: { stroke: pick(STROKES), fill: pick(FILLS), strokeWidth: pick([1, 2, 2, 4]) },
    };
    switch (type) {
      case 'rect':
      case 'ellipse':
        shapes.push({ ...base, type, w: round(between(40, 300)), h: round(between(30, 200)) });
        break;
      case 'line':
        shapes.push({ ...base, type, points: [0, 0, round(between(-300, 300)), round(between(-300, 300))] });
        break;
      case 'arrow':
        shapes.push({
          ...base,
          type,
          points: [0, 0, round(between(-300, 300)), round(between(-300, 300))],
          arrowheads: { start: random() < 0.2, end: true },
        });
        break;
      case 'pen': {
        const points: number[] = [];
        let px = 0;
        let py = 0;
        for (let p = 0; p < PEN_POINTS; p++) {
          points.push(round(px), round(py), Math.round(between(0.3, 0.9) * 100) / 100);
          px += between(-4, 12);
          py += between(-8, 8);
        }
        shapes.push({ ...base, type, points });
        break;
      }
      case 'text': {
        const fontSize = pick([16, 20, 24, 32]);
        const text = words(1 + Math.floor(random() * 4));
        shapes.push({ ...base, type, text, fontSize, w: Math.ceil(text.length * fontSize * 0.6) });
        break;
      }
      case 'note':
        shapes.push({
          ...base,
          type,
          text: words(3 + Math.floor(random() * 8)),
          color: pick(NOTE_COLORS),
          w: 200,
          h: 200,
          fontSize: 20,
        });
        break;
    }
    // A kind without a case here would shrink the board silently, and the bench would wait for a count never reached.
    if (shapes.length !== i + 1) throw new Error(`generateShapes: no generator for kind ${type}`);
  }
  return shapes;
}
