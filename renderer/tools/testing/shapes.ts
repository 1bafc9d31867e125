/** Shapes to seed tool tests with: small, valid, without an index (the doc stacks them in order). */
import type { ShapeInput } from '../../doc';

const base = { rotation: 0, opacity: 1, style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 } };

export function rect(id: string, x: number, y: number, w: number, h: number, fill = 'none'): ShapeInput {
  return { type: 'rect', id, x, y, w, h, ...base, style: { ...base.style, fill } };
}

/** Notes have no stroke padding, so their bounds are exactly x, y, w, h: handy for handle maths. */
export function note(id: string, x: number, y: number, w = 100, h = 100): ShapeInput {
  return { type: 'note', id, x, y, w, h, ...base, text: '', color: '#fff3a3', fontSize: 20 };
}

export function text(id: string, x: number, y: number, value = 'Hello'): ShapeInput {
  return { type: 'text', id, x, y, ...base, text: value, fontSize: 20, w: value.length * 12 };
}

export function line(id: string, x: number, y: number, dx: number, dy: number): ShapeInput {
  return { type: 'line', id, x, y, ...base, points: [0, 0, dx, dy] };
}

export function pen(id: string, x: number, y: number, points: number[]): ShapeInput {
  return { type: 'pen', id, x, y, ...base, points };
}

export function ellipse(id: string, x: number, y: number, w: number, h: number, fill = 'none'): ShapeInput {
  return { type: 'ellipse', id, x, y, w, h, ...base, style: { ...base.style, fill } };
}

/** An image: a box with no outline, so its bounds are exactly x, y, w, h too. */
export function image(id: string, x: number, y: number, w = 200, h = 100): ShapeInput {
  const file = { sha256: 'b'.repeat(64), naturalWidth: 400, naturalHeight: 200, mime: 'image/png' as const };
  return { type: 'image', id, x, y, w, h, ...base, ...file };
}
