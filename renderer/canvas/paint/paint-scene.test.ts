import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../shared/model';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { paintScene, type SceneOptions, type SceneStats } from './paint-scene';
import { RecordingContext, RecordingPath } from './testing/recording-context';

const IDENTITY = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const none: ReadonlySet<string> = new Set();

function scene(overrides: Partial<SceneOptions> = {}): SceneOptions {
  return {
    base: IDENTITY,
    view: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
    zoom: 1,
    hidden: none,
    faded: none,
    createPath: () => new RecordingPath(),
    ...overrides,
  };
}

const filledRect = (id: string, x: number, fill: string): Shape =>
  exampleShape('rect', { id, x, y: 10, w: 50, h: 50, style: { stroke: '#000000', fill, strokeWidth: 2 } });

const fills = (ctx: RecordingContext) => ctx.draws.filter((d) => d.op === 'fill').map((d) => d.fillStyle);

describe('paintScene', () => {
  it('paints in the order given (z-order) and skips shapes outside the view', () => {
    const ctx = new RecordingContext();
    const shapes = [filledRect('a', 10, '#aa0000'), filledRect('far', 5000, '#00ff00'), filledRect('b', 30, '#0000bb')];
    const stats: SceneStats = { drawn: 0, dots: 0, culled: 0 };
    expect(paintScene(ctx, shapes, scene(), 0, undefined, stats)).toBe(3);
    expect(fills(ctx)).toEqual(['#aa0000', '#0000bb']);
    expect(stats).toEqual({ drawn: 2, dots: 0, culled: 1 });
  });

  it('leaves out hidden shapes and fades marked ones', () => {
    const ctx = new RecordingContext();
    const shapes = [filledRect('a', 10, '#aa0000'), filledRect('b', 30, '#0000bb')];
    paintScene(ctx, shapes, scene({ hidden: new Set(['a']), faded: new Set(['b']) }));
    expect(fills(ctx)).toEqual(['#0000bb']);
    expect(ctx.draws[0]?.globalAlpha).toBeCloseTo(0.25);
  });

  it('draws shapes a couple of pixels across as dots of their colour, and in full when zoomed in', () => {
    const shape = filledRect('a', 10, '#aa0000');
    const far = new RecordingContext();
    const stats: SceneStats = { drawn: 0, dots: 0, culled: 0 };
    paintScene(far, [shape], scene({ zoom: 0.02 }), 0, undefined, stats);
    expect(stats.dots).toBe(1);
    expect(far.draws.map((d) => [d.op, d.fillStyle])).toEqual([['fillRect', '#aa0000']]);

    const near = new RecordingContext();
    paintScene(near, [shape], scene({ zoom: 1 }));
    expect(near.draws.map((d) => d.op)).toEqual(['fill', 'stroke']);
  });

  it('stops when the budget is spent and continues where it stopped, painting each shape once', () => {
    const shapes = Array.from({ length: 300 }, (_, i) => filledRect(`s${i}`, i % 900, '#123456'));
    const ctx = new RecordingContext();
    let checks = 0;
    const stopAfterTwoChecks = () => ++checks > 1;
    const first = paintScene(ctx, shapes, scene(), 0, stopAfterTwoChecks);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(shapes.length);
    expect(paintScene(ctx, shapes, scene(), first)).toBe(shapes.length);
    expect(fills(ctx)).toHaveLength(shapes.length);
  });

  it('leaves the context as it found it', () => {
    const ctx = new RecordingContext();
    ctx.setTransform(2, 0, 0, 2, 3, 4);
    paintScene(ctx, [filledRect('a', 10, '#aa0000')], scene({ base: { a: 2, b: 0, c: 0, d: 2, e: 3, f: 4 } }));
    expect(ctx.getTransform()).toEqual({ a: 2, b: 0, c: 0, d: 2, e: 3, f: 4 });
    expect(ctx.globalAlpha).toBe(1);
  });
});
