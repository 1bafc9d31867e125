import { describe, expect, it } from 'vitest';
import { indicesBetween, type Shape } from '../../../shared/model';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { ShapeIndex } from '../spatial-index';
import { SceneCache, type Surface } from './scene-cache';
import { type DrawCall, type FakeImage, RecordingContext, RecordingPath } from './testing/recording-context';

/** Edits repaint the regions they changed in the snapshot (scene-cache.ts), not the whole snapshot. */

type RecordingSurface = Surface<FakeImage> & { context: RecordingContext };

function setup(budgetMs = 6) {
  let clock = 0;
  const made: RecordingSurface[] = [];
  const cache = new SceneCache<FakeImage>({
    createSurface: () => {
      const size = { width: 0, height: 0 };
      const surface: RecordingSurface = {
        image: { name: `surface-${made.length}` },
        context: new RecordingContext(),
        get width() {
          return size.width;
        },
        get height() {
          return size.height;
        },
        resize(width, height) {
          Object.assign(size, { width, height });
        },
      };
      made.push(surface);
      return surface;
    },
    createPath: () => new RecordingPath(),
    now: () => clock++,
    budgetMs,
  });
  const index = new ShapeIndex();
  /** One 1000 × 800 device-pixel frame of the board from (x, y) at zoom 1; the name of the snapshot shown. */
  const frame = (x = 0, y = 0, hidden: ReadonlySet<string> = noIds) => {
    const target = new RecordingContext();
    target.setTransform(1, 0, 0, 1, -x, -y);
    const busy = cache.draw(target, 1000, 800, { shapes: index, hidden, faded: noIds });
    const blit = target.draws.find((d) => d.op === 'drawImage');
    return { busy, name: blit?.args[0] };
  };
  /** What surface `i` was asked to do since `mark` (a position in its calls). */
  const callsSince = (i: number, mark: number) => made[i]!.context.calls.slice(mark);
  const mark = (i: number) => made[i]!.context.calls.length;
  return { cache, made, index, frame, callsSince, mark };
}

const noIds: ReadonlySet<string> = new Set();

/** Rows of 40 rectangles (3 by default), 40 × 40 every 60 units, stroke 2 (bounds 1 unit out). */
function grid(count = 120): Shape[] {
  const indices = indicesBetween(null, null, count);
  return Array.from({ length: count }, (_, i) =>
    exampleShape('rect', {
      id: `r${i}`,
      index: indices[i]!,
      x: (i % 40) * 60,
      y: Math.floor(i / 40) * 60,
      w: 40,
      h: 40,
    }),
  );
}

const ops = (calls: DrawCall[], op: string) => calls.filter((call) => call.op === op);

describe('SceneCache dirty regions', () => {
  it("repaints a moved shape's old and new bounds, clipped, and nothing else", () => {
    const { index, frame, made, mark, callsSince, cache } = setup();
    const shapes = grid();
    index.sync(shapes);
    frame();
    const before = mark(0);
    const r5 = shapes[5]!;
    index.apply([[r5.id, { ...r5, x: 1100, y: 700 }]]);
    const f = frame();
    expect(f.name).toBe('surface-0');
    expect(made).toHaveLength(1);
    expect(cache.lastCatchUp).toBe('patched');
    const calls = callsSince(0, before);
    // Snapshot box starts at (-250, -200); bounds padded by 2 px and snapped out to whole pixels.
    expect(ops(calls, 'clearRect').map((c) => c.args)).toEqual([
      [547, 197, 46, 46],
      [1347, 897, 46, 46],
    ]);
    expect(ops(calls, 'clip')).toHaveLength(1);
    const clip = calls.findIndex((c) => c.op === 'clip');
    expect(ops(calls.slice(0, clip), 'rect').map((c) => c.args)).toEqual([
      [547, 197, 46, 46],
      [1347, 897, 46, 46],
    ]);
    // Only the moved shape meets either region: one outline, drawn at its new place.
    const strokes = ops(calls.slice(clip), 'stroke');
    expect(strokes).toHaveLength(1);
    expect(strokes[0]!.transform.e).toBeCloseTo(1100 + 250);
  });

  it('repaints the neighbours a region overlaps, in z-order, so what lay under or over the edit is whole', () => {
    const { index, frame, mark, callsSince } = setup();
    const shapes = grid();
    index.sync(shapes);
    frame();
    const before = mark(0);
    const r0 = shapes[0]!;
    // r0 (bottom of the z-order) moves onto r1: both are repainted, r0 first.
    index.apply([[r0.id, { ...r0, x: 70, y: 10 }]]);
    frame();
    const strokes = ops(callsSince(0, before), 'stroke').map((c) => c.transform.e);
    expect(strokes).toEqual([70 + 250, 60 + 250]);
  });

  it('coalesces the edits between two frames into one pass, one shape painted once', () => {
    const { index, frame, mark, callsSince } = setup();
    const shapes = grid();
    index.sync(shapes);
    frame();
    const before = mark(0);
    const r5 = shapes[5]!;
    index.apply([[r5.id, { ...r5, x: 1100, y: 700 }]]);
    index.apply([[r5.id, { ...r5, x: 1105, y: 700 }]]);
    index.apply([['new', exampleShape('rect', { id: 'new', index: 'b0', x: 1110, y: 690, w: 20, h: 20 })]]);
    frame();
    const calls = callsSince(0, before);
    expect(ops(calls, 'clip')).toHaveLength(1);
    // The three boxes around (1100, 700) overlap: merged into one region.
    expect(ops(calls, 'clearRect')).toHaveLength(2);
    const painted = ops(calls, 'stroke').map((c) => c.transform.e);
    expect(painted).toEqual([1105 + 250, 1110 + 250]);
  });

  it('paints nothing more for an edit outside the snapshot', () => {
    const { index, frame, mark, callsSince, cache } = setup();
    index.sync(grid());
    frame();
    const before = mark(0);
    index.apply([['far', exampleShape('rect', { id: 'far', index: 'b0', x: 50_000, y: 0 })]]);
    frame();
    expect(cache.lastCatchUp).toBe('patched');
    expect(ops(callsSince(0, before), 'clearRect')).toHaveLength(0);
  });

  it('repaints the whole snapshot when too many regions changed', () => {
    const { index, frame, made, cache } = setup();
    const shapes = grid();
    index.sync(shapes);
    frame();
    // 60 shapes in view a few units each to the right: more separate regions than the limit (48).
    index.apply(shapes.filter((_, i) => i % 40 < 20).map((s) => [s.id, { ...s, x: s.x + 3 }] as const));
    frame();
    expect(cache.lastCatchUp).toBe('whole');
    expect(made.flatMap((surface) => ops(surface.context.calls, 'clip'))).toHaveLength(0);
  });

  it('repaints the whole snapshot when a region covers most of it', () => {
    const { index, frame, cache } = setup();
    index.sync(grid());
    frame();
    index.apply([['big', exampleShape('rect', { id: 'big', index: 'b0', x: -100, y: -100, w: 1200, h: 900 })]]);
    frame();
    expect(cache.lastCatchUp).toBe('whole');
  });

  it('repaints a shape a gesture starts or stops hiding, by its bounds', () => {
    const { index, frame, mark, callsSince, cache } = setup();
    index.sync(grid());
    frame();
    const before = mark(0);
    frame(0, 0, new Set(['r5']));
    expect(cache.lastCatchUp).toBe('patched');
    const calls = callsSince(0, before);
    expect(ops(calls, 'clearRect').map((c) => c.args)).toEqual([[547, 197, 46, 46]]);
    expect(ops(calls, 'stroke')).toHaveLength(0);
  });

  it('brings a snapshot painted in the background up to date before it is shown', () => {
    const { index, frame, made } = setup(4);
    const shapes = grid(1600);
    index.sync(shapes);
    frame();
    let f = frame(600, 0);
    expect(f.busy).toBe(true);
    const r50 = shapes[50]!;
    // Moved while the new snapshot is under way, to where that snapshot has already painted.
    index.apply([[r50.id, { ...r50, x: 700, y: 100 }]]);
    while (f.busy) f = frame(600, 0);
    expect(f.name).toBe('surface-1');
    const calls = made[1]!.context.calls;
    const clip = calls.findIndex((c) => c.op === 'clip');
    expect(clip).toBeGreaterThan(0);
    const after = ops(calls.slice(clip), 'stroke').map((c) => c.transform.e);
    // Snapshot of view x 600: box from 350. The moved shape is repainted at its new place.
    expect(after).toContain(700 - 350);
  });
});
