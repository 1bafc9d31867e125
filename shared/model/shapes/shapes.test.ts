import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_SIDE_PX } from './image';
import { MAX_FRAME_NAME_LENGTH, MAX_PEN_POINTS, MAX_TEXT_LENGTH } from '../limits';
import { exampleShape, exampleShapes } from './examples';
import { DEFAULT_LABEL_FONT_SIZE, labelAlignOf, labelFontSizeOf, parseShape, SHAPE_TYPES, type Shape } from './index';

function errorOf(value: unknown): string {
  const result = parseShape(value);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be invalid`);
  return result.error;
}

describe('shape schemas', () => {
  it('accepts an example of every kind and hands back a copy without unknown fields', () => {
    const examples = exampleShapes();
    expect(examples.map((shape) => shape.type)).toEqual([...SHAPE_TYPES]);
    for (const shape of examples) {
      const result = parseShape({ ...shape, fromTheFuture: true });
      expect(result, shape.type).toEqual({ ok: true, shape });
      if (result.ok) expect(result.shape).not.toBe(shape);
    }
    expect(parseShape(exampleShape('rect', { groupId: 'group_1' })).ok).toBe(true);
  });

  it('reads shapes saved before dash styles and text alignment, and checks the new fields', () => {
    const style = exampleShape('rect').style;
    expect(parseShape(exampleShape('rect')).ok).toBe(true);
    expect(parseShape(exampleShape('rect', { style: { ...style, dash: 'dotted' } })).ok).toBe(true);
    expect(errorOf(exampleShape('rect', { style: { ...style, dash: 'wavy' as 'dotted' } }))).toMatch(/^style\.dash: /);
    expect(parseShape(exampleShape('text', { align: 'center' })).ok).toBe(true);
    expect(errorOf(exampleShape('note', { align: 'justify' as 'left' }))).toMatch(/^align: /);
  });

  it('reads boards made before frames (no frameId, no frame kind) and checks frames', () => {
    for (const shape of exampleShapes().filter((each) => each.type !== 'frame')) {
      expect('frameId' in shape, shape.type).toBe(false);
      expect(parseShape(shape).ok, shape.type).toBe(true);
    }
    expect(parseShape(exampleShape('rect', { frameId: 'frame-1' })).ok).toBe(true);
    expect(errorOf(exampleShape('rect', { frameId: 'a b' }))).toMatch(/^frameId: /);
    expect(parseShape(exampleShape('frame', { name: '' })).ok).toBe(true);
    expect(errorOf(exampleShape('frame', { name: 'x'.repeat(MAX_FRAME_NAME_LENGTH + 1) }))).toMatch(/^name: /);
    expect(errorOf({ ...exampleShape('frame'), name: undefined })).toMatch(/^name: /);
    expect(errorOf(exampleShape('frame', { w: -1 }))).toMatch(/^w: /);
  });

  it('reads shapes saved before labels, and checks the label fields of the kinds that have them', () => {
    for (const type of ['rect', 'ellipse', 'line', 'arrow'] as const) {
      const before = exampleShape(type);
      expect('label' in before, type).toBe(false);
      expect(parseShape(before).ok, type).toBe(true);
      const labelled = { ...before, label: 'Start\nhere', labelFontSize: 32, labelAlign: 'right' };
      expect(parseShape(labelled), type).toEqual({ ok: true, shape: labelled });
      expect(errorOf({ ...before, label: 'x'.repeat(MAX_TEXT_LENGTH + 1) })).toMatch(/^label: /);
      expect(errorOf({ ...before, label: 42 })).toMatch(/^label: /);
      expect(errorOf({ ...before, labelFontSize: 3 })).toMatch(/^labelFontSize: /);
      expect(errorOf({ ...before, labelAlign: 'justify' })).toMatch(/^labelAlign: /);
    }
    expect(labelFontSizeOf(exampleShape('rect'))).toBe(DEFAULT_LABEL_FONT_SIZE);
    expect(labelAlignOf(exampleShape('rect'))).toBe('center');
    // A note's label is its text: other kinds do not carry one, and a stray field is dropped, not drawn.
    const result = parseShape({ ...exampleShape('pen'), label: 'stray' });
    expect(result.ok && 'label' in result.shape).toBe(false);
  });

  it('names the field that is wrong', () => {
    expect(errorOf(null)).toMatch(/^shape: /);
    expect(errorOf({ ...exampleShape('rect'), type: 'star' })).toMatch(/^type: /);
    expect(errorOf(exampleShape('rect', { id: 'a/b' }))).toMatch(/^id: /);
    expect(errorOf(exampleShape('rect', { id: 'x'.repeat(65) }))).toMatch(/^id: /);
    expect(errorOf(exampleShape('rect', { index: '' }))).toMatch(/^index: /);
    expect(errorOf(exampleShape('rect', { index: 'not a key' }))).toMatch(/^index: /);
    expect(errorOf(exampleShape('rect', { x: Number.NaN }))).toMatch(/^x: /);
    expect(errorOf(exampleShape('rect', { y: 1e7 + 1 }))).toMatch(/^y: /);
    expect(errorOf(exampleShape('rect', { rotation: Infinity }))).toMatch(/^rotation: /);
    expect(errorOf(exampleShape('rect', { opacity: 1.5 }))).toMatch(/^opacity: /);
    expect(errorOf(exampleShape('rect', { w: -1 }))).toMatch(/^w: /);
    expect(errorOf(exampleShape('rect', { groupId: '' }))).toMatch(/^groupId: /);
    const style = exampleShape('rect').style;
    expect(errorOf(exampleShape('rect', { style: { ...style, stroke: 'red' } }))).toMatch(/^style\.stroke: /);
    expect(errorOf(exampleShape('rect', { style: { ...style, fill: '#fff' } }))).toMatch(/^style\.fill: /);
    expect(errorOf(exampleShape('rect', { style: { ...style, strokeWidth: 0.1 } }))).toMatch(/^style\.strokeWidth: /);
    expect(errorOf(exampleShape('note', { color: 'yellow' }))).toMatch(/^color: /);
    expect(errorOf(exampleShape('text', { fontSize: 3 }))).toMatch(/^fontSize: /);
    expect(errorOf(exampleShape('text', { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }))).toMatch(/^text: /);
  });

  it('accepts fill "none" and the bounds themselves', () => {
    const style = { stroke: '#000000', fill: 'none', strokeWidth: 64 };
    expect(parseShape(exampleShape('rect', { x: -1e7, y: 1e7, w: 0, h: 1e7, opacity: 0, style })).ok).toBe(true);
    expect(parseShape(exampleShape('text', { fontSize: 512, text: 'x'.repeat(MAX_TEXT_LENGTH) })).ok).toBe(true);
  });

  it('checks pen points: triples, pressure 0..1, at most 10,000 points', () => {
    const pen = (points: number[]) => exampleShape('pen', { points });
    expect(parseShape(pen([0, 0, 0])).ok).toBe(true);
    expect(parseShape(pen(Array.from({ length: MAX_PEN_POINTS * 3 }, () => 1))).ok).toBe(true);
    expect(errorOf(pen([]))).toMatch(/^points: /);
    expect(errorOf(pen([0, 0, 0.5, 1]))).toMatch(/^points: .*multiple of 3/);
    expect(errorOf(pen([0, 0, 0.5, 1, 1, 1.5]))).toMatch(/^points\[5\]: pressure/);
    expect(errorOf(pen([0, 0, -0.1]))).toMatch(/^points\[2\]: pressure/);
    expect(errorOf(pen([0, Number.NaN, 0.5]))).toMatch(/^points\[1\]: /);
    expect(errorOf(pen(Array.from({ length: MAX_PEN_POINTS * 3 + 3 }, () => 1)))).toMatch(/^points: /);
  });

  it('checks lines and arrows: x, y pairs (connector.test.ts), arrowheads on arrows', () => {
    expect(errorOf(exampleShape('line', { points: [0, 0, 1] }))).toMatch(/^points: /);
    expect(errorOf({ ...exampleShape('arrow'), arrowheads: undefined })).toMatch(/^arrowheads: /);
    expect(errorOf({ ...exampleShape('arrow'), arrowheads: { start: 'yes', end: true } })).toMatch(
      /^arrowheads\.start: /,
    );
  });

  it('checks images: a SHA-256 and a whole pixel size, never bytes; boards from before images still validate', () => {
    expect(parseShape(exampleShape('image')).ok).toBe(true);
    expect(errorOf(exampleShape('image', { sha256: 'A'.repeat(64) }))).toMatch(/^sha256: /);
    expect(errorOf(exampleShape('image', { sha256: 'a'.repeat(63) }))).toMatch(/^sha256: /);
    expect(errorOf(exampleShape('image', { naturalWidth: 0 }))).toMatch(/^naturalWidth: /);
    expect(errorOf(exampleShape('image', { naturalHeight: 1.5 }))).toMatch(/^naturalHeight: /);
    expect(errorOf(exampleShape('image', { naturalWidth: MAX_IMAGE_SIDE_PX + 1 }))).toMatch(/^naturalWidth: /);
    expect(errorOf(exampleShape('image', { mime: 'image/svg+xml' as 'image/png' }))).toMatch(/^mime: /);
    expect(errorOf({ ...exampleShape('image'), sha256: undefined })).toMatch(/^sha256: /);
    const withBytes = parseShape({ ...exampleShape('image'), data: 'iVBORw0KGgo=' });
    expect(withBytes.ok && 'data' in withBytes.shape).toBe(false);
    // A board saved before images: every old kind, exactly as written then, still reads.
    for (const shape of exampleShapes().filter((each) => each.type !== 'image'))
      expect(parseShape(shape).ok).toBe(true);
  });

  it('keeps a long list of problems short', () => {
    const error = errorOf(exampleShape('pen', { points: Array.from({ length: 300 }, () => Number.NaN) }));
    expect(error).toMatch(/\(and 297 more\)$/);
  });

  it('types each kind by its discriminant', () => {
    const shape: Shape = exampleShape('note');
    if (shape.type === 'note') expect(shape.color).toBe('#ffd966');
  });
});
