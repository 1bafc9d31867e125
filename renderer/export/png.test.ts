import { describe, expect, it } from 'vitest';
import type { Shape } from '../../shared/model';
import { exampleShape, exampleShapes } from '../../shared/model/shapes/examples';
import { type DrawCall, RecordingContext, RecordingPath } from '../canvas/paint/testing/recording-context';
import { exportFrame } from './frame';
import { MAX_PNG_PIXELS, MAX_PNG_SIDE_PX, paintExport, pngSize } from './png';

describe('pngSize', () => {
  it('is twice the frame, rounded to whole pixels', () => {
    expect(pngSize(100, 50)).toEqual({ width: 200, height: 100, scale: 2 });
    expect(pngSize(100.4, 0.2)).toEqual({ width: 201, height: 1, scale: 2 });
  });

  it('scales a frame down to the longest side a browser canvas allows, keeping its aspect', () => {
    const size = pngSize(20_000, 100);
    expect(size.width).toBe(MAX_PNG_SIDE_PX);
    expect(size.scale).toBeCloseTo(MAX_PNG_SIDE_PX / 20_000);
    expect(size.height).toBe(Math.round(100 * size.scale));
  });

  it('scales a frame down to the most pixels a browser canvas allows', () => {
    const size = pngSize(10_000, 10_000);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(size.width).toBe(size.height);
    expect(size.width).toBe(Math.sqrt(MAX_PNG_PIXELS));
  });
});

function paint(shapes: Shape[], background: string | null = '#ffffff') {
  const ctx = new RecordingContext();
  const frame = exportFrame(shapes);
  const size = pngSize(frame.width, frame.height);
  paintExport(ctx, shapes, frame, size, { background, createPath: () => new RecordingPath() });
  return { draws: ctx.draws, frame, size };
}

/** Where a draw call's transform puts the board point (x, y), in image pixels. */
const pixelOf = ({ transform: m }: DrawCall, x = 0, y = 0) => ({
  x: m.a * x + m.c * y + m.e,
  y: m.b * x + m.d * y + m.f,
});

describe('paintExport', () => {
  it('fills the background over the whole image first, in pixels, then paints the shapes', () => {
    const { draws, size } = paint([exampleShape('rect')]);
    expect(draws[0]).toMatchObject({
      op: 'fillRect',
      args: [0, 0, size.width, size.height],
      fillStyle: '#ffffff',
      globalAlpha: 1,
      transform: { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 },
    });
    expect(draws.slice(1).map((draw) => draw.op)).toEqual(['stroke']);
  });

  it('leaves a transparent background transparent', () => {
    const { draws } = paint([exampleShape('rect')], null);
    expect(draws.map((draw) => draw.op)).toEqual(['stroke']);
  });

  it('places each shape at twice its board position relative to the frame, turned by its rotation', () => {
    const turned = exampleShape('rect', { id: 'b', index: 'a1', x: 200, y: 100, rotation: Math.PI / 2 });
    const { draws, frame } = paint([exampleShape('rect', { id: 'a' }), turned]);
    const [, first, second] = draws;
    const { minX, minY } = frame.view;
    expect(first!.transform).toEqual({ a: 2, b: 0, c: 0, d: 2, e: (10 - minX) * 2, f: (20 - minY) * 2 });
    expect(pixelOf(second!)).toEqual({ x: (200 - minX) * 2, y: (100 - minY) * 2 });
    // A quarter turn clockwise: the shape's x axis points down the image.
    const along = pixelOf(second!, 10, 0);
    expect(along.x - pixelOf(second!).x).toBeCloseTo(0);
    expect(along.y - pixelOf(second!).y).toBeCloseTo(20);
  });

  it('paints bottom to top whatever order the shapes come in', () => {
    const low = exampleShape('rect', { id: 'low', index: 'a1', x: 1 });
    const high = exampleShape('rect', { id: 'high', index: 'a2', x: 2 });
    const { draws, frame } = paint([high, low], null);
    expect(draws.map((draw) => pixelOf(draw).x / 2 + frame.view.minX)).toEqual([1, 2]);
  });

  it('paints with the shape opacity and the board colours', () => {
    const ellipse = exampleShape('ellipse', {
      opacity: 0.5,
      style: { stroke: '#e03131', fill: '#2f9e44', strokeWidth: 3 },
    });
    const { draws } = paint([ellipse], null);
    expect(
      draws.map(({ op, fillStyle, strokeStyle, globalAlpha }) => ({ op, fillStyle, strokeStyle, globalAlpha })),
    ).toEqual([
      { op: 'fill', fillStyle: '#2f9e44', strokeStyle: expect.anything(), globalAlpha: 0.5 },
      { op: 'stroke', fillStyle: '#2f9e44', strokeStyle: '#e03131', globalAlpha: 0.5 },
    ]);
  });

  it('paints every kind the board has', () => {
    const { draws } = paint(exampleShapes(), null);
    expect(draws.length).toBeGreaterThanOrEqual(exampleShapes().length);
    expect(draws.filter((draw) => draw.op === 'fillText').map((draw) => draw.args[0])).toEqual([
      'Frame 1',
      'Hello',
      'Remember',
    ]);
  });
});
