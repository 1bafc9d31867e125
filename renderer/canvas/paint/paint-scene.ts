/**
 * The static layer's frame: every shape in z-order, culled to the view, at a
 * level of detail that fits the zoom. A shape smaller than a couple of screen
 * pixels cannot show its outline, so it is drawn as a dot of its colour; at
 * board scale that is most shapes, and a dot costs one fillRect.
 */
import type { Box, DraftOf, DraftShape } from '../../shapes';
import { clippingFrame } from '../../frames/frame-order';
import { clipToFrame } from './paint-frame';
import { boxesIntersect } from '../viewport-math';
import type { Matrix, PaintContext, PathSink } from './paint-context';
import { paintShape } from './paint-shape';
import { type ColourMap, identityColours } from '../../theme/canvas-colours';
import { cachedBounds } from './shape-cache';
import { IMAGE_PLACEHOLDER_EDGE, type ImageSource } from './paint-image';

/** A shape whose larger side is under this many screen pixels is drawn as a dot. */
export const DOT_BELOW_PX = 2.5;

export interface SceneOptions {
  /** Board units to device pixels. */
  base: Matrix;
  /** The board box to draw; shapes entirely outside it are skipped. */
  view: Box;
  /** Device pixels per board unit: what decides the level of detail. */
  zoom: number;
  /** Ids drawn elsewhere (a transform preview), not here. */
  hidden: ReadonlySet<string>;
  /** Ids the eraser has marked. */
  faded: ReadonlySet<string>;
  createPath: () => PathSink;
  /** The theme's colours; the board's own when absent. */
  colours?: ColourMap;
  /** Decoded pictures of image shapes (renderer/images); placeholders without it. */
  images?: ImageSource;
  /** The board's frames by id (frames/frame-order.ts): a shape a frame holds is clipped to it. */
  frames?: ReadonlyMap<string, DraftOf<'frame'>>;
}

export interface SceneStats {
  drawn: number;
  dots: number;
  culled: number;
}

/**
 * Paints `shapes[from…]` in order until the end or until `stopAt()` says the
 * frame's budget is spent (checked every few shapes); returns where it stopped.
 */
export function paintScene(
  ctx: PaintContext<unknown>,
  shapes: readonly DraftShape[],
  options: SceneOptions,
  from = 0,
  stopAt: () => boolean = () => false,
  stats: SceneStats = { drawn: 0, dots: 0, culled: 0 },
): number {
  const dotBelow = DOT_BELOW_PX / options.zoom;
  const colours = options.colours ?? identityColours;
  const shapeOptions = {
    base: options.base,
    zoom: options.zoom,
    faded: false,
    createPath: options.createPath,
    colours,
    images: options.images,
  };
  const { a, b, c, d, e, f } = options.base;
  ctx.save();
  let i = from;
  for (; i < shapes.length; i++) {
    if ((i - from) % BUDGET_CHECK_EVERY === BUDGET_CHECK_EVERY - 1 && stopAt()) break;
    const shape = shapes[i];
    if (!shape || options.hidden.has(shape.id)) continue;
    const box = cachedBounds(shape);
    if (!boxesIntersect(box, options.view)) {
      stats.culled++;
      continue;
    }
    const faded = options.faded.has(shape.id);
    const width = box.maxX - box.minX;
    const height = box.maxY - box.minY;
    if (width < dotBelow && height < dotBelow) {
      ctx.setTransform(a, b, c, d, e, f);
      paintDot(ctx, shape, box, faded, options.zoom, colours);
      stats.dots++;
      continue;
    }
    shapeOptions.faded = faded;
    const frame = options.frames && clippingFrame(shape, options.frames);
    if (frame) {
      ctx.save();
      clipToFrame(ctx, options.base, frame);
      paintShape(ctx, shape, shapeOptions);
      ctx.restore();
    } else {
      paintShape(ctx, shape, shapeOptions);
    }
    stats.drawn++;
  }
  ctx.restore();
  return i;
}

const BUDGET_CHECK_EVERY = 64;

/** At least one screen pixel, so a far-off shape does not vanish. */
function paintDot(
  ctx: PaintContext<unknown>,
  shape: DraftShape,
  box: Box,
  faded: boolean,
  zoom: number,
  colours: ColourMap,
): void {
  const min = 1 / zoom;
  ctx.globalAlpha = faded ? shape.opacity * 0.25 : shape.opacity;
  ctx.fillStyle = colours(dotColour(shape));
  ctx.fillRect(box.minX, box.minY, Math.max(min, box.maxX - box.minX), Math.max(min, box.maxY - box.minY));
}

function dotColour(shape: DraftShape): string {
  if (shape.type === 'note') return shape.color;
  if (shape.type === 'image') return IMAGE_PLACEHOLDER_EDGE;
  if ((shape.type === 'rect' || shape.type === 'ellipse') && shape.style.fill !== 'none') return shape.style.fill;
  return shape.style.stroke;
}
