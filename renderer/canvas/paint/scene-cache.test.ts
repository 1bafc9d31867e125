import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../shared/model';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { indicesBetween } from '../../../shared/model';
import { ShapeIndex } from '../spatial-index';
import { type SceneContent, SceneCache, type Surface, viewOf } from './scene-cache';
import { type FakeImage, RecordingContext, RecordingPath } from './testing/recording-context';

/** Off-screen surfaces that record what is painted into them, named in order of creation. */
function surfaces() {
  const made: (Surface<FakeImage> & { context: RecordingContext })[] = [];
  const create = (): Surface<FakeImage> & { context: RecordingContext } => {
    const size = { width: 0, height: 0 };
    const surface = {
      image: { name: `surface-${made.length}` },
      context: new RecordingContext(),
      get width() {
        return size.width;
      },
      get height() {
        return size.height;
      },
      resize(width: number, height: number) {
        size.width = width;
        size.height = height;
      },
    };
    made.push(surface);
    return surface;
  };
  return { made, create };
}

function setup(budgetMs = 6) {
  let clock = 0;
  const { made, create } = surfaces();
  const cache = new SceneCache<FakeImage>({
    createSurface: create,
    createPath: () => new RecordingPath(),
    // Each reading of the clock costs a millisecond, so a budget spans a known amount of work.
    now: () => clock++,
    budgetMs,
  });
  /** One frame on a 1000 × 800 device-pixel screen showing the board from (x, y) at `zoom`. */
  const frame = (content: SceneContent, x: number, y: number, zoom = 1) => {
    const target = new RecordingContext();
    target.setTransform(zoom, 0, 0, zoom, -x * zoom, -y * zoom);
    const busy = cache.draw(target, 1000, 800, content);
    const blits = target.draws.filter((d) => d.op === 'drawImage');
    expect(blits).toHaveLength(1);
    const [name, dx, dy, dw, dh] = blits[0]!.args as [string, number, number, number, number];
    return { busy, name, dx, dy, dw, dh, target };
  };
  const painted = (i: number) => made[i]?.context.draws.length ?? 0;
  return { cache, made, frame, painted };
}

const grid = (count: number): Shape[] => {
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
};

/** The board as the canvas has it: an index kept current, here by syncing it to a list. */
function indexed(shapes: Shape[]): ShapeIndex {
  const index = new ShapeIndex();
  index.sync(shapes);
  return index;
}

const content = (shapes: Shape[] | ShapeIndex, hidden: ReadonlySet<string> = new Set()): SceneContent => ({
  shapes: shapes instanceof ShapeIndex ? shapes : indexed(shapes),
  hidden,
  faded: new Set(),
});

describe('SceneCache', () => {
  it('paints the first frame at once, into a snapshot with a margin around the view', () => {
    const { frame, made, painted } = setup();
    const first = frame(content(grid(100)), 0, 0);
    expect(first.busy).toBe(false);
    expect(made).toHaveLength(1);
    expect(painted(0)).toBeGreaterThan(0);
    // A quarter of the view on each side: 1.5 × 1000 by 1.5 × 800, placed a quarter-view up and left.
    expect([first.dx, first.dy, first.dw, first.dh]).toEqual([-250, -200, 1500, 1200]);
  });

  it('pans inside the margin by moving the snapshot, painting nothing', () => {
    const { frame, painted } = setup();
    const board = content(grid(100));
    frame(board, 0, 0);
    const before = painted(0);
    const moved = frame(board, 100, 50);
    expect(moved.busy).toBe(false);
    expect(painted(0)).toBe(before);
    expect([moved.dx, moved.dy]).toEqual([-350, -250]);
  });

  it('pans past the margin by painting a new snapshot over several frames, showing the old one meanwhile', () => {
    const { frame, made } = setup(4);
    const board = content(grid(1600));
    frame(board, 0, 0);
    let f = frame(board, 600, 0);
    expect(f.busy).toBe(true);
    expect(f.name).toBe('surface-0');
    let frames = 1;
    while (f.busy && frames < 100) {
      f = frame(board, 600, 0);
      frames++;
    }
    expect(frames).toBeGreaterThan(1);
    expect(f.busy).toBe(false);
    expect(f.name).toBe('surface-1');
    expect([f.dx, f.dy]).toEqual([-250, -200]);
    // Every shape the new view covers was painted exactly once into the new snapshot.
    const fills = made[1]!.context.draws.filter((d) => d.op === 'stroke');
    expect(fills.length).toBeGreaterThan(0);
    expect(new Set(fills.map((d) => `${d.transform.e},${d.transform.f}`)).size).toBe(fills.length);
  });

  it('repaints at once when the shapes change, so an edit is never a frame late', () => {
    const { frame, painted } = setup();
    const shapes = grid(10);
    const index = indexed(shapes);
    frame(content(index), 0, 0);
    const before = painted(0);
    index.sync([...shapes, exampleShape('rect', { id: 'new', index: 'b0', x: 5, y: 5 })]);
    const edited = frame(content(index), 0, 0);
    expect(edited.busy).toBe(false);
    expect(painted(0) + painted(1)).toBeGreaterThan(before);
  });

  it('scales the snapshot for a small zoom and repaints it crisp at the new zoom in the background', () => {
    const { frame } = setup(4);
    const board = content(grid(1600));
    frame(board, 0, 0, 1);
    let f = frame(board, 0, 0, 1.1);
    expect(f.busy).toBe(true);
    expect(f.dw).toBeCloseTo(1650);
    while (f.busy) f = frame(board, 0, 0, 1.1);
    expect(f.name).not.toBe('surface-0');
    expect(f.dw).toBeCloseTo(1500, 0);
  });

  it('paints at once when the view jumps somewhere the snapshot does not reach', () => {
    const { frame } = setup();
    const board = content(grid(100));
    frame(board, 0, 0);
    const jumped = frame(board, 50_000, 50_000);
    expect(jumped.busy).toBe(false);
    expect(jumped.name).not.toBe('surface-0');
  });

  it('draws the snapshot in whole device pixels when it is not scaled', () => {
    const { frame } = setup();
    const board = content(grid(10));
    frame(board, 0, 0);
    const f = frame(board, 10.4, 0.6);
    expect([f.dx, f.dy]).toEqual([-260, -201]);
  });
});

describe('viewOf', () => {
  it('is the board box a device rectangle shows', () => {
    expect(viewOf({ a: 2, b: 0, c: 0, d: 2, e: -100, f: 40 }, 800, 600)).toEqual({
      minX: 50,
      minY: -20,
      maxX: 450,
      maxY: 280,
    });
  });
});
