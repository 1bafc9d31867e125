/**
 * Draws an image shape. The pixels come from an ImageSource (renderer/images/image-cache.ts
 * in the browser): a decoded copy close to the size the image is drawn at, so a
 * zoomed-out board of many photos draws small bitmaps (level of detail). Until a copy
 * is decoded, or when there is no source (tests), a placeholder box stands in.
 */
import type { DraftOf } from '../../shapes';
import type { PaintContext } from './paint-context';

/** What the painter needs to know about an image shape to find its pixels. */
export type ImageRef = Pick<DraftOf<'image'>, 'sha256' | 'mime' | 'naturalWidth' | 'naturalHeight'>;

export interface ImageSource {
  /**
   * A decoded picture of `image` fit to draw `devicePixelsWide` pixels wide, or null while
   * none is ready (asking for one meanwhile; the source says when it has it).
   */
  pictureFor(image: ImageRef, devicePixelsWide: number): unknown;
}

/** The placeholder's colours: a light grey box with a darker edge, readable in both themes. */
export const IMAGE_PLACEHOLDER_FILL = '#e9ecef';
export const IMAGE_PLACEHOLDER_EDGE = '#adb5bd';

export function paintImage(
  ctx: PaintContext<unknown>,
  shape: DraftOf<'image'>,
  zoom: number,
  images: ImageSource | undefined,
): void {
  const picture = images?.pictureFor(shape, shape.w * zoom) ?? null;
  if (picture !== null) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(picture, 0, 0, shape.w, shape.h);
    return;
  }
  ctx.fillStyle = IMAGE_PLACEHOLDER_FILL;
  ctx.fillRect(0, 0, shape.w, shape.h);
  ctx.beginPath();
  ctx.rect(0, 0, shape.w, shape.h);
  ctx.strokeStyle = IMAGE_PLACEHOLDER_EDGE;
  ctx.lineWidth = 1 / Math.max(zoom, 1e-6);
  ctx.setLineDash([]);
  ctx.stroke();
}
