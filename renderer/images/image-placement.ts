/**
 * Where new images land (docs/ARCHITECTURE.md#images): at their natural size in board units,
 * scaled down (aspect kept) so none is wider or taller than half the view, and, when several
 * arrive at once, side by side in one row centred on the drop point or the view's centre.
 */
import type { Point } from '../shapes';

export interface Size {
  width: number;
  height: number;
}

export interface PlacedBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The largest part of the view (each way) one new image may take. */
export const MAX_VIEW_FRACTION = 0.5;
/** Screen pixels between images dropped together. */
export const IMAGE_GAP_PX = 16;

/** A natural size scaled down (never up) to fit `fraction` of the view, keeping the aspect ratio. */
export function fittedSize(natural: Size, view: Size, fraction = MAX_VIEW_FRACTION): Size {
  const scale = Math.min(1, (view.width * fraction) / natural.width, (view.height * fraction) / natural.height);
  const safe = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return { width: natural.width * safe, height: natural.height * safe };
}

/** Boxes of `sizes` in a row, `gap` apart, the row's centre on `centre`, each centred on the row's middle line. */
export function layOutInRow(sizes: readonly Size[], centre: Point, gap: number): PlacedBox[] {
  const total = sizes.reduce((sum, size) => sum + size.width, 0) + gap * Math.max(0, sizes.length - 1);
  let left = centre.x - total / 2;
  return sizes.map((size) => {
    const box = { x: left, y: centre.y - size.height / 2, w: size.width, h: size.height };
    left += size.width + gap;
    return box;
  });
}

/**
 * Boxes for images of `naturals` arriving together at `centre`, in a view of `viewSize` screen
 * pixels at `zoom`: each fitted to the view, all in one row.
 */
export function placeImages(naturals: readonly Size[], centre: Point, viewSize: Size, zoom: number): PlacedBox[] {
  const view = { width: viewSize.width / zoom, height: viewSize.height / zoom };
  return layOutInRow(
    naturals.map((natural) => fittedSize(natural, view)),
    centre,
    IMAGE_GAP_PX / zoom,
  );
}
