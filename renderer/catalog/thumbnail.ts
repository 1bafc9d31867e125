/**
 * A board's thumbnail for the home screen: the whole board painted by the
 * PNG export's painter (export/png.ts), scaled to fit a small box, so it
 * looks like what Export PNG gives.
 */
import type { Shape } from '../../shared/model';
import { exportFrame } from '../export/frame';
import { paintPng, type PngSize } from '../export/png';

/** The box a thumbnail fits in (CSS px at 2× for sharp cards); a few tens of KiB as PNG. */
export const THUMBNAIL_WIDTH_PX = 440;
export const THUMBNAIL_HEIGHT_PX = 275;

export function thumbnailSize(width: number, height: number): PngSize {
  const scale = Math.min(2, THUMBNAIL_WIDTH_PX / width, THUMBNAIL_HEIGHT_PX / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    scale,
  };
}

/** PNG bytes of the board's shapes, or null when it has none (nothing to show). */
export async function renderThumbnail(shapes: readonly Shape[]): Promise<Blob | null> {
  if (shapes.length === 0) return null;
  const frame = exportFrame(shapes);
  return paintPng(shapes, frame, thumbnailSize(frame.width, frame.height));
}
