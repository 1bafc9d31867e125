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
 *   repainted at once, so a committed shape never flickers or lags its preview.
 */
import type { Box, DraftShape } from '../../shapes';
import type { Matrix, PaintContext, PathSink } from './paint-context';
import { ShapeIndex } from '../spatial-index';
import { boxesIntersect } from '../viewport-math';
import { paintScene } from './paint-scene';
import { framesById } from '../../frames/frame-order';
import type { ColourMap } from '../../theme/canvas-colours';
import type { ImageSource } from './paint-image';

/** What the cache paints into: an off-screen canvas and its context in the browser. */
export interface Surface<Image> {
  image: Image;
  context: PaintContext<Image>;
  readonly width: number;
  readonly height: number;
  /** Sizes (and clears) the surface, in device pixels. */
  resize(width: number, height: number): void;
}

export interface SceneContent {
  shapes: readonly DraftShape[];
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
}

interface Snapshot<Image> {
  surface: Surface<Image>;
  /** The board box the surface covers. */
  box: Box;
  /** Device pixels per board unit in the surface. */
  scale: number;
  content: SceneContent;
}

interface Job<Image> extends Snapshot<Image> {
  /** The shapes that meet the job's box, in z-order (from the spatial index). */
  shapes: readonly DraftShape[];
  next: number;
}

/** Device pixels: surfaces are capped so a tall window at a high pixel ratio stays within canvas limits. */
const MAX_SURFACE_PX = 8192;

export class SceneCache<Image> {
  private front: Snapshot<Image> | null = null;
  private job: Job<Image> | null = null;
  private spare: Surface<Image> | null = null;
  /** Culls each repaint to the shapes it covers, so a pan over a big board paints what it shows, not every shape. */
  private readonly index = new ShapeIndex();
  private readonly budgetMs: number;
  private readonly margin: number;
  private readonly zoomSlack: number;

  constructor(private readonly options: SceneCacheOptions<Image>) {
    // 3 ms, not 6: a frame that also blits, lays out and composites in software had no room left at 6 (9 % dropped at 10k shapes).
    this.budgetMs = options.budgetMs ?? 3;
    this.margin = options.margin ?? 0.25;
    this.zoomSlack = options.zoomSlack ?? 1.2;
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

    if (!this.front || !sameContent(this.front.content, content)) {
      // The board changed: what is on screen must match the doc this frame.
      this.job = null;
      this.front = this.paintNow(view, scale, content);
    } else if (!boxesIntersect(this.front.box, view)) {
      // Nothing of the old snapshot would be on screen (a jump, e.g. zoom to fit): paint, do not show a blank frame.
      this.job = null;
      this.front = this.paintNow(view, scale, content);
    } else if (!this.serves(this.front, view, scale, true)) {
      if (!this.job || !this.serves(this.job, view, scale, false)) this.job = this.startJob(view, scale, content);
      this.continueJob();
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

  private paintNow(view: Box, scale: number, content: SceneContent): Snapshot<Image> {
    const job = this.startJob(view, scale, content);
    this.paintSlice(job, () => false);
    this.recycle(this.front);
    return job;
  }

  private continueJob(): void {
    const job = this.job;
    if (!job) return;
    const deadline = this.options.now() + this.budgetMs;
    this.paintSlice(job, () => this.options.now() >= deadline);
    if (job.next >= job.shapes.length) {
      this.recycle(this.front);
      this.front = job;
      this.job = null;
    }
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
    this.index.sync(content.shapes);
    return { surface, box, scale, content, shapes: this.index.query(box), next: 0 };
  }

  private paintSlice(job: Job<Image>, stopAt: () => boolean): void {
    const base: Matrix = {
      a: job.scale,
      b: 0,
      c: 0,
      d: job.scale,
      e: -job.box.minX * job.scale,
      f: -job.box.minY * job.scale,
    };
    job.next = paintScene(
      job.surface.context,
      job.shapes,
      {
        base,
        view: job.box,
        zoom: job.scale,
        hidden: job.content.hidden,
        faded: job.content.faded,
        createPath: this.options.createPath,
        colours: job.content.colours,
        images: job.content.images,
        frames: framesById(job.content.shapes),
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

function sameContent(a: SceneContent, b: SceneContent): boolean {
  return (
    a.shapes === b.shapes &&
    a.hidden === b.hidden &&
    a.faded === b.faded &&
    a.colours === b.colours &&
    a.images === b.images &&
    a.imagesVersion === b.imagesVersion
  );
}
