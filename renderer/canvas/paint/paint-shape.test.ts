import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { visibleNoteLines } from '../../shapes';
import { type PaintOptions, paintShape } from './paint-shape';
import { RecordingContext, RecordingPath } from './testing/recording-context';

const IDENTITY = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const options = (zoom = 1): PaintOptions => ({
  base: IDENTITY,
  zoom,
  faded: false,
  createPath: () => new RecordingPath(),
});

describe('paintShape', () => {
  it('places a shape at (x, y) turned by its rotation, on top of the base transform', () => {
    const ctx = new RecordingContext();
    const shape = exampleShape('rect', { x: 10, y: 20, rotation: Math.PI / 2 });
    paintShape(ctx, shape, { ...options(), base: { a: 2, b: 0, c: 0, d: 2, e: 5, f: 7 } });
    const [stroke] = ctx.draws;
    expect(stroke?.op).toBe('stroke');
    const t = stroke!.transform;
    // Board (10, 20) lands at 2·(10, 20) + (5, 7); local +x points down the screen after a quarter turn.
    expect(t.e).toBeCloseTo(25);
    expect(t.f).toBeCloseTo(47);
    expect(t.a).toBeCloseTo(0);
    expect(t.b).toBeCloseTo(2);
  });

  it('fills only shapes that have a fill, in their fill colour, and strokes in the stroke colour', () => {
    const hollow = new RecordingContext();
    paintShape(hollow, exampleShape('ellipse'), options());
    expect(hollow.draws.map((d) => d.op)).toEqual(['stroke']);

    const filled = new RecordingContext();
    const style = { stroke: '#112233', fill: '#445566', strokeWidth: 3 };
    paintShape(filled, exampleShape('rect', { style }), options());
    expect(filled.draws.map((d) => [d.op, d.op === 'fill' ? d.fillStyle : d.strokeStyle])).toEqual([
      ['fill', '#445566'],
      ['stroke', '#112233'],
    ]);
  });

  it('strokes dashed and dotted outlines in proportion to the width; solid, and boards without a dash, plainly', () => {
    const stroke = (dash: 'solid' | 'dashed' | 'dotted' | undefined) => {
      const ctx = new RecordingContext();
      const style = { stroke: '#112233', fill: 'none', strokeWidth: 4, ...(dash ? { dash } : {}) };
      paintShape(ctx, exampleShape('rect', { style }), options());
      return ctx.draws.find((d) => d.op === 'stroke')?.lineDash;
    };
    expect(stroke(undefined)).toEqual([]);
    expect(stroke('solid')).toEqual([]);
    expect(stroke('dashed')).toEqual([20, 12]);
    expect(stroke('dotted')).toEqual([0, 11]);
    // A dashed shape painted before a solid one leaves no dash behind.
    const ctx = new RecordingContext();
    paintShape(
      ctx,
      exampleShape('line', { style: { stroke: '#000000', fill: 'none', strokeWidth: 2, dash: 'dashed' } }),
      options(),
    );
    paintShape(ctx, exampleShape('line'), options());
    expect(ctx.draws.map((d) => d.lineDash.length)).toEqual([2, 0]);
  });

  it('anchors text lines left, centred or right across the text box', () => {
    const anchor = (align: 'left' | 'center' | 'right') => {
      const ctx = new RecordingContext();
      paintShape(ctx, exampleShape('text', { w: 100, align }), options());
      const text = ctx.draws.find((d) => d.op === 'fillText');
      return [text?.args[1], text?.textAlign];
    };
    expect(anchor('left')).toEqual([0, 'left']);
    expect(anchor('center')).toEqual([50, 'center']);
    expect(anchor('right')).toEqual([100, 'right']);
  });

  it('draws opacity, and a quarter of it for a shape the eraser marked', () => {
    const ctx = new RecordingContext();
    paintShape(ctx, exampleShape('rect', { opacity: 0.8 }), { ...options(), faded: true });
    expect(ctx.draws[0]?.globalAlpha).toBeCloseTo(0.2);
  });

  it('gives an arrow a head per enabled end', () => {
    const moves = (arrowheads: { start: boolean; end: boolean }) => {
      const ctx = new RecordingContext();
      paintShape(ctx, exampleShape('arrow', { arrowheads }), options());
      return ctx.calls.filter((c) => c.op === 'moveTo').length;
    };
    expect(moves({ start: false, end: false })).toBe(1);
    expect(moves({ start: false, end: true })).toBe(2);
    expect(moves({ start: true, end: true })).toBe(3);
  });

  it('fills a pen stroke as one cached outline path, and a lone point too', () => {
    const ctx = new RecordingContext();
    const stroke = exampleShape('pen');
    paintShape(ctx, stroke, options());
    paintShape(ctx, stroke, options());
    const fills = ctx.draws.filter((d) => d.op === 'fill');
    expect(fills).toHaveLength(2);
    expect(fills[0]?.args[0]).toBeInstanceOf(RecordingPath);
    expect(fills[1]?.args[0]).toBe(fills[0]?.args[0]);

    const dot = new RecordingContext();
    paintShape(dot, exampleShape('pen', { points: [4, 5, 0.5] }), options());
    expect(dot.draws.map((d) => [d.op, d.fillStyle])).toEqual([['fill', '#1e1e1e']]);
  });

  it('writes text line by line, and draws unreadably small text as bars', () => {
    const shape = exampleShape('text', { text: 'one\ntwo', fontSize: 20 });
    const near = new RecordingContext();
    paintShape(near, shape, options(1));
    expect(near.draws.filter((d) => d.op === 'fillText').map((d) => d.args[0])).toEqual(['one', 'two']);

    const far = new RecordingContext();
    paintShape(far, shape, options(0.1));
    expect(far.draws.map((d) => d.op)).toEqual(['fillRect', 'fillRect']);
  });

  it('draws a note as its card and the lines its layout shows', () => {
    const ctx = new RecordingContext();
    const shape = exampleShape('note', { text: 'alpha beta gamma delta epsilon zeta eta theta '.repeat(8), h: 100 });
    paintShape(ctx, shape, options());
    const lines = ctx.draws.filter((d) => d.op === 'fillText').map((d) => d.args[0]);
    expect(lines).toEqual(visibleNoteLines(shape));
    expect(lines.length).toBeGreaterThan(1);
    expect(ctx.draws[0]).toMatchObject({ op: 'fillRect', fillStyle: shape.color });
  });
});

describe('paintShape: images', () => {
  it('draws the picture the source hands out, stretched over the box, asking for the size it is drawn at', () => {
    const ctx = new RecordingContext();
    const asked: number[] = [];
    const images = {
      pictureFor: (_image: unknown, wide: number) => {
        asked.push(wide);
        return { name: 'picture' };
      },
    };
    paintShape(ctx, exampleShape('image', { w: 160, h: 90 }), { ...options(0.5), images });
    expect(ctx.draws.map((d) => [d.op, d.args])).toEqual([['drawImage', ['picture', 0, 0, 160, 90]]]);
    expect(asked).toEqual([80]);
  });

  it('draws a placeholder box until the picture is decoded, or with no source at all', () => {
    for (const images of [undefined, { pictureFor: () => null }]) {
      const ctx = new RecordingContext();
      paintShape(ctx, exampleShape('image', { w: 160, h: 90 }), { ...options(), images });
      expect(ctx.draws.map((d) => d.op)).toEqual(['fillRect', 'stroke']);
      expect(ctx.draws[0]?.args).toEqual([0, 0, 160, 90]);
    }
  });
});
