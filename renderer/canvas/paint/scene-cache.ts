/**
 * The static layer as a bitmap (docs/ARCHITECTURE.md#canvas: redrawn only when the doc or the
 * viewport changes). The board is painted into an off-screen snapshot that
 * covers a margin around the view; each frame draws that snapshot under the
 * current viewport, which is one drawImage however many shapes there are.
 *
 * - Pan within the margin, or zoom by a little: the snapshot is drawn moved
 *   or scaled, nothing is repainted.
 * - Pan past the margin, or zoom far enough that the snapshot would look
 *   blurry or coarse: a new snapshot is painted a slice per frame (a time
 *   budget), while the old one stays on screen, and swapped in when complete.
 *   When the view comes to rest, a last repaint at exactly its zoom makes it crisp.
 * - The shapes change (an edit, here or remote), or the set the gesture hides:
 *   at the next frame, before it is shown, only the regions that changed are
 *   repainted (the old and new bounds the index logged, see dirty-regions.ts):
 *   each is cleared and the shapes that meet it repainted in z-order under a
 *   clip. Everything that changed between two frames is one such pass; too
 *   many regions, or too much of the snapshot, repaints it whole instead. A
 *   snapshot still being painted in the background catches up the same way
 *   before it is swapped in.
 */
import type { Box, DraftOf, DraftShape } from '../../shapes';
import type { Matrix, PaintContext, PathSink } from './paint-context';
import { boxesIntersect } from '../viewport-math';
import { paintScene } from './paint-scene';
import type { ColourMap } from '../../theme/canvas-colours';
import type { ImageSource } from './paint-image';
import { DEFAULT_DIRTY_LIMITS, type DirtyLimits, type DirtyRegion, dirtyRegions } from './dirty-regions';

/** What the cache paints into: an off-screen canvas and its context in the browser. */
export interface Surface<Image> {
  image: Image;
  context: PaintContext<Image>;
  readonly width: number;
  readonly height: number;
  /** Sizes (and clears) the surface, in device pixels. */
  resize(width: number, height: number): void;
}

/** The board's shapes as the cache reads them: a spatial index (spatial-index.ts) and its log of changed regions. */
export interface ShapeSource {
  /** Changes whenever the shapes do. */
  readonly version: number;
  /** Shapes whose bounds meet `box`, bottom first. */
  query(box: Box): readonly DraftShape[];
  /** Shapes whose bounds meet any of `boxes`, each once, bottom first. */
  queryAll(boxes: readonly Box[]): readonly DraftShape[];
  /** Where a shape paints now; undefined if it is not on the board. */
  boxOf(id: string): Box | undefined;
  /** Old and new bounds of everything changed after `version`; null: too much to say, repaint whole. */
  dirtySince(version: number): readonly Box[] | null;
  /** The board's frames by id: a shape a frame holds is clipped to it (frames/frame-order.ts). */
  readonly frames: ReadonlyMap<string, DraftOf<'frame'>>;
}

export interface SceneContent {
  shapes: ShapeSource;
  hidden: ReadonlySet<string>;
  faded: ReadonlySet<string>;
  /** The theme's colours: a new map (the theme changed) repaints at once. */
  colours?: ColourMap;
  /** Decoded pictures of image shapes. */
  images?: ImageSource;
  /** Bumped by the image source when a picture arrives: a new value repaints at once. */
  imagesVersion?: number;
}

export interface SceneCacheOptions<Image> {
  createSurface(): Surface<Image>;
  createPath(): PathSink;
  now(): number;
  /** Painting time a background repaint may take per frame, ms. */
  budgetMs?: number;
  /** Extra view painted on each side, as a fraction of the view's size. */
  margin?: number;
  /** How far the zoom may drift from the snapshot's (as a factor) before a repaint is started. */
  zoomSlack?: number;
  /** When an edit repaints the whole snapshot rather than its regions. */
  dirtyLimits?: DirtyLimits;
}

interface Snapshot<Image> {
  surface: Surface<Image>;
  /** The board box the surface covers. */
  box: Box;
  /** Device pixels per board unit in the surface. */
  scale: number;
  /** What is painted in it: the source at `version`, with these hidden and faded. */
  source: ShapeSource;
  version: number;
  hidden: ReadonlySet<string>;
  faded: ReadonlySet<string>;
  colours: ColourMap | undefined;
  images: ImageSource | undefined;
  imagesVersion: number | undefined;
}

interface Job<Image> extends Snapshot<Image> {
  /** The shapes that meet the job's box, in z-order (from the spatial index). */
  shapes: readonly DraftShape[];
  next: number;
}

/** What `catchUp` did: nothing was needed, regions were repainted, or the snapshot must be repainted whole. */
type CatchUp = 'current' | 'patched' | 'whole';

/** Device pixels: surfaces are capped so a tall window at a high pixel ratio stays within canvas limits. */
const MAX_SURFACE_PX = 8192;

export class SceneCache<Image> {
  private front: Snapshot<Image> | null = null;
  private job: Job<Image> | null = null;
  private spare: Surface<Image> | null = null;
  private readonly budgetMs: number;
  private readonly margin: number;
  private readonly zoomSlack: number;
  private readonly dirtyLimits: DirtyLimits;
  /** How the last frame brought the front snapshot up to the doc (for tests and the bench's reading). */
  lastCatchUp: CatchUp = 'current';

  constructor(private readonly options: SceneCacheOptions<Image>) {
    // 3 ms, not 6: a frame that also blits, lays out and composites in software had no room left at 6 (9 % dropped at 10k shapes).
    this.budgetMs = options.budgetMs ?? 3;
    this.margin = options.margin ?? 0.25;
    this.zoomSlack = options.zoomSlack ?? 1.2;
    this.dirtyLimits = options.dirtyLimits ?? DEFAULT_DIRTY_LIMITS;
  }

  /**
   * Draws the board into `target`, whose current transform maps board units
   * to its device pixels (`width` × `height`). Returns true when a background
   * repaint is under way: call again next frame to continue it.
   */
  draw(target: PaintContext<Image>, width: number, height: number, content: SceneContent): boolean {
    const base = target.getTransform();
    const scale = Math.hypot(base.a, base.b);
    if (!(scale > 0)) return false;
    const view = viewOf(base, width, height);

    this.lastCatchUp = this.front && sameBoard(this.front, content) ? this.catchUp(this.front, content) : 'whole';
    if (!this.front || this.lastCatchUp === 'whole') {
      // The board changed too much for regions: what is on screen must match the doc this frame.
      this.job = null;
      this.front = this.paintNow(view, scale, content);
    } else if (!boxesIntersect(this.front.box, view)) {
      // Nothing of the old snapshot would be on screen (a jump, e.g. zoom to fit): paint, do not show a blank frame.
      this.job = null;
      this.front = this.paintNow(view, scale, content);
    } else if (!this.serves(this.front, view, scale, true)) {
      if (!this.job || !sameBoard(this.job, content) || !this.serves(this.job, view, scale, false)) {
        this.job = this.startJob(view, scale, content);
      }
      this.continueJob(content);
    } else {
      this.job = null;
    }
    this.blit(target, base, this.front);
    return this.job !== null;
  }

  /** Whether `snap` can stand for the view: it covers it and its resolution is close enough (exactly, if `exact`). */
  private serves(snap: Snapshot<Image>, view: Box, scale: number, exact: boolean): boolean {
    const inside =
      view.minX >= snap.box.minX &&
      view.minY >= snap.box.minY &&
      view.maxX <= snap.box.maxX &&
      view.maxY <= snap.box.maxY;
    if (!inside) return false;
    const ratio = scale / snap.scale;
    if (exact) return Math.abs(ratio - 1) < 1e-6;
    return ratio <= this.zoomSlack && ratio >= 1 / this.zoomSlack;
  }

  /**
   * Brings `snap` to `content` by repainting the regions changed since it was
   * painted: the index's logged bounds, and the shapes that were hidden or
   * faded and are not now (or the other way round).
   */
  private catchUp(snap: Snapshot<Image>, content: SceneContent): CatchUp {
    const version = content.shapes.version;
    if (snap.version === version && snap.hidden === content.hidden && snap.faded === content.faded) return 'current';
    const logged = content.shapes.dirtySince(snap.version);
    if (!logged) return 'whole';
    const boxes = [...logged];
    for (const id of changedIds(snap.hidden, content.hidden)) pushBox(boxes, content.shapes.boxOf(id));
    for (const id of changedIds(snap.faded, content.faded)) pushBox(boxes, content.shapes.boxOf(id));
    const regions = dirtyRegions(boxes, snap.box, snap.scale, this.dirtyLimits);
    if (!regions) return 'whole';
    this.repaintRegions(snap, regions, content);
    snap.version = version;
    snap.hidden = content.hidden;
    snap.faded = content.faded;
    return 'patched';
  }

  /** Clears each region and repaints, clipped to them, every shape that meets one, in z-order. */
  private repaintRegions(snap: Snapshot<Image>, regions: readonly DirtyRegion[], content: SceneContent): void {
    if (regions.length === 0) return;
    const ctx = snap.surface.context;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const r of regions) ctx.rect(r.x, r.y, r.width, r.height);
    ctx.clip();
    for (const r of regions) ctx.clearRect(r.x, r.y, r.width, r.height);
    const boxes = regions.map((r) => r.box);
    paintScene(ctx, content.shapes.queryAll(boxes), {
      base: surfaceMatrix(snap),
      view: unionOf(boxes),
      zoom: snap.scale,
      hidden: content.hidden,
      faded: content.faded,
      createPath: this.options.createPath,
      colours: content.colours,
      images: content.images,
      frames: content.shapes.frames,
    });
    ctx.restore();
  }

  private paintNow(view: Box, scale: number, content: SceneContent): Snapshot<Image> {
    const job = this.startJob(view, scale, content);
    this.paintSlice(job, () => false);
    this.recycle(this.front);
    return job;
  }

  private continueJob(content: SceneContent): void {
    const job = this.job;
    if (!job) return;
    const deadline = this.options.now() + this.budgetMs;
    this.paintSlice(job, () => this.options.now() >= deadline);
    if (job.next < job.shapes.length) return;
    this.job = null;
    // What changed while it was painted is repainted before it is shown; if that is too much, start over.
    if (this.catchUp(job, content) === 'whole') {
      this.recycle(job);
      return;
    }
    this.recycle(this.front);
    this.front = job;
  }

  private startJob(view: Box, scale: number, content: SceneContent): Job<Image> {
    if (this.job) this.recycle(this.job);
    const w = view.maxX - view.minX;
    const h = view.maxY - view.minY;
    let box = {
      minX: view.minX - w * this.margin,
      minY: view.minY - h * this.margin,
      maxX: view.maxX + w * this.margin,
      maxY: view.maxY + h * this.margin,
    };
    const fit = Math.min(
      1,
      MAX_SURFACE_PX / ((box.maxX - box.minX) * scale),
      MAX_SURFACE_PX / ((box.maxY - box.minY) * scale),
    );
    if (fit < 1) box = view; // no room for a margin at this size: cover the view alone
    const surface = this.spare ?? this.options.createSurface();
    this.spare = null;
    surface.resize(Math.ceil((box.maxX - box.minX) * scale), Math.ceil((box.maxY - box.minY) * scale));
    return {
      surface,
      box,
      scale,
      source: content.shapes,
      version: content.shapes.version,
      hidden: content.hidden,
      faded: content.faded,
      colours: content.colours,
      images: content.images,
      imagesVersion: content.imagesVersion,
      shapes: content.shapes.query(box),
      next: 0,
    };
  }

  private paintSlice(job: Job<Image>, stopAt: () => boolean): void {
    job.next = paintScene(
      job.surface.context,
      job.shapes,
      {
        base: surfaceMatrix(job),
        view: job.box,
        zoom: job.scale,
        hidden: job.hidden,
        faded: job.faded,
        createPath: this.options.createPath,
        colours: job.colours,
        images: job.images,
        frames: job.source.frames,
      },
      job.next,
      stopAt,
    );
  }

  private blit(target: PaintContext<Image>, base: Matrix, snap: Snapshot<Image>): void {
    const factor = Math.hypot(base.a, base.b) / snap.scale;
    let x = base.a * snap.box.minX + base.c * snap.box.minY + base.e;
    let y = base.b * snap.box.minX + base.d * snap.box.minY + base.f;
    const unscaled = Math.abs(factor - 1) < 1e-9;
    target.save();
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.globalAlpha = 1;
    if (unscaled) {
      // Whole device pixels make it a plain copy; filtering a sub-pixel offset costs a full-screen resample per frame.
      x = Math.round(x);
      y = Math.round(y);
      target.imageSmoothingEnabled = false;
    }
    target.drawImage(snap.surface.image, x, y, snap.surface.width * factor, snap.surface.height * factor);
    target.restore();
  }

  private recycle(snap: Snapshot<Image> | null): void {
    if (snap && !this.spare) this.spare = snap.surface;
  }
}

/** The board box a device-pixel rectangle shows under `base` (no rotation: the stage only pans and zooms). */
export function viewOf(base: Matrix, width: number, height: number): Box {
  const x0 = -base.e / base.a;
  const y0 = -base.f / base.d;
  const x1 = (width - base.e) / base.a;
  const y1 = (height - base.f) / base.d;
  return { minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1) };
}

/** Board units to the snapshot's device pixels. */
function surfaceMatrix(snap: Snapshot<unknown>): Matrix {
  return { a: snap.scale, b: 0, c: 0, d: snap.scale, e: -snap.box.minX * snap.scale, f: -snap.box.minY * snap.scale };
}

/** The same board in the same colours and pictures: what differs can be repainted by region. */
function sameBoard(snap: Snapshot<unknown>, content: SceneContent): boolean {
  return (
    snap.source === content.shapes &&
    snap.colours === content.colours &&
    snap.images === content.images &&
    snap.imagesVersion === content.imagesVersion
  );
}

/** Ids in one set and not the other. */
function changedIds(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  if (before === after) return [];
  return [...[...before].filter((id) => !after.has(id)), ...[...after].filter((id) => !before.has(id))];
}

function pushBox(boxes: Box[], box: Box | undefined): void {
  if (box) boxes.push(box);
}

function unionOf(boxes: readonly Box[]): Box {
  return {
    minX: Math.min(...boxes.map((b) => b.minX)),
    minY: Math.min(...boxes.map((b) => b.minY)),
    maxX: Math.max(...boxes.map((b) => b.maxX)),
    maxY: Math.max(...boxes.map((b) => b.maxY)),
  };
}
