/**
 * PNG export: the shapes painted into an off-screen canvas at twice their
 * size by the board's own painter (renderer/canvas/paint/paint-shape.ts),
 * then encoded. The painter is what draws the board, so the picture is the
 * board's: same outlines, same text layout and font, no second renderer to
 * drift from it. (Drawing the exported SVG into an image would make the PNG
 * depend on how faithfully the SVG imitates the canvas, and on the browser's
 * SVG text layout.)
 *
 * `paintExport` only talks to a PaintContext, so it is tested in Node with a
 * recording context; the browser part makes the canvas and encodes it.
 */
import { compareZOrder, type EmbeddedFile, type Shape } from '../../shared/model';
import type { ImageSource } from '../canvas/paint/paint-image';
import type { PaintContext } from '../canvas/paint/paint-context';
import { type PaintOptions, paintShape } from '../canvas/paint/paint-shape';
import { clipToFrame } from '../canvas/paint/paint-frame';
import { clippingFrame, drawOrder, framesById } from '../frames/frame-order';
import type { ExportRenderer } from './export-renderer';
import { renderPdfBlob } from './pdf-loader';
import { DEFAULT_EXPORT_BACKGROUND, type ExportFrame, exportFrame } from './frame';
import { type ColourMap, canvasColours } from '../theme/canvas-colours';
import type { Theme } from '../theme/theme-store';

/** The dark theme's page colour, behind a PNG exported dark. */
export const DARK_EXPORT_BACKGROUND = '#121212';

/** Pixels per board unit: crisp on high-density screens and when zoomed in on the image. */
export const PNG_PIXEL_RATIO = 2;
/** Chromium refuses canvases above 32,767 px a side or 268 M pixels; stay well inside both. */
export const MAX_PNG_SIDE_PX = 16_384;
export const MAX_PNG_PIXELS = 8_192 * 8_192;

export interface PngSize {
  width: number;
  height: number;
  /** Pixels per board unit: PNG_PIXEL_RATIO unless the limits took some away. */
  scale: number;
}

/** The pixel size for a frame of `width` × `height` board units, scaled down (keeping the aspect) to fit the limits. */
export function pngSize(width: number, height: number): PngSize {
  const scale = Math.min(
    PNG_PIXEL_RATIO,
    MAX_PNG_SIDE_PX / width,
    MAX_PNG_SIDE_PX / height,
    Math.sqrt(MAX_PNG_PIXELS / (width * height)),
  );
  return {
    width: Math.max(1, Math.min(MAX_PNG_SIDE_PX, Math.round(width * scale))),
    height: Math.max(1, Math.min(MAX_PNG_SIDE_PX, Math.round(height * scale))),
    scale,
  };
}

/** Paints the background and the shapes, bottom to top, onto a canvas of `size` showing `frame`. */
export function paintExport(
  ctx: PaintContext<unknown>,
  shapes: readonly Shape[],
  frame: ExportFrame,
  size: PngSize,
  options: {
    background: string | null;
    createPath: PaintOptions['createPath'];
    colours?: ColourMap;
    images?: ImageSource;
  },
): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (options.background !== null) {
    ctx.globalAlpha = 1;
    ctx.fillStyle = options.background;
    ctx.fillRect(0, 0, size.width, size.height);
  }
  const { scale } = size;
  const base = { a: scale, b: 0, c: 0, d: scale, e: -frame.view.minX * scale, f: -frame.view.minY * scale };
  const paint = {
    base,
    zoom: scale,
    faded: false,
    createPath: options.createPath,
    colours: options.colours,
    images: options.images,
  };
  const ordered = drawOrder([...shapes].sort(compareZOrder));
  const frames = framesById(ordered);
  for (const shape of ordered) {
    const holder = clippingFrame(shape, frames);
    if (!holder) {
      paintShape(ctx, shape, paint);
      continue;
    }
    ctx.save();
    clipToFrame(ctx, base, holder);
    paintShape(ctx, shape, paint);
    ctx.restore();
  }
  ctx.restore();
}

/** The ExportRenderer of a browser page: a fresh off-screen canvas per export. */
export function browserExportRenderer(): ExportRenderer {
  return {
    async renderPng(shapes, theme = 'light', view, images = []) {
      const frame = exportFrame(shapes, undefined, view);
      const pictures = await decodeFiles(images);
      try {
        return await paintPng(shapes, frame, pngSize(frame.width, frame.height), theme, pictures);
      } finally {
        for (const picture of pictures.values()) picture.close();
      }
    },
    renderPdf: renderPdfBlob,
  };
}

/** PNG bytes of `shapes` painted into `frame` at `size`, on a fresh off-screen canvas of a browser page. */
export function paintPng(
  shapes: readonly Shape[],
  frame: ExportFrame,
  size: PngSize,
  theme: Theme = 'light',
  pictures: ReadonlyMap<string, ImageBitmap> = new Map(),
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error(`the browser refused a ${size.width} × ${size.height} px canvas`));
  paintExport(ctx, shapes, frame, size, {
    background: theme === 'dark' ? DARK_EXPORT_BACKGROUND : DEFAULT_EXPORT_BACKGROUND,
    createPath: () => new Path2D(),
    colours: canvasColours(theme),
    images: { pictureFor: (image) => pictures.get(image.sha256) ?? null },
  });
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

/** Each file decoded whole (an export is drawn at full detail); a file that does not decode is left to its placeholder. */
async function decodeFiles(files: readonly EmbeddedFile[]): Promise<Map<string, ImageBitmap>> {
  const pictures = new Map<string, ImageBitmap>();
  for (const file of files) {
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime });
    const picture = await createImageBitmap(blob).catch(() => null);
    if (picture) pictures.set(file.sha256, picture);
  }
  return pictures;
}
