/**
 * A board's thumbnail for the home screen: the whole board painted by the
 * PNG export's painter (export/png.ts), scaled to fit a small box, so it
 * looks like what Export PNG gives.
 */
import type { Shape } from '../../shared/model';
import { DEFAULT_EXPORT_BACKGROUND, exportFrame } from '../export/frame';
import { paintExport, type PngSize } from '../export/png';

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
  const size = thumbnailSize(frame.width, frame.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser refused a canvas for the thumbnail');
  paintExport(ctx, shapes, frame, size, { background: DEFAULT_EXPORT_BACKGROUND, createPath: () => new Path2D() });
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}
