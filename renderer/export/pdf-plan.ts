/**
 * Which pages a PDF export has, what each shows and how big it is, decided
 * before any PDF code loads (pdf.ts draws them). Pure, so the plan is tested
 * without a browser.
 *
 * - The board or the selection: one page framed like the PNG and SVG exports
 *   (exportFrame: the shapes' bounds plus the export padding).
 *
 * A board unit is a CSS pixel (1/96 in) and a PDF point 1/72 in, so a page
 * is 0.75 pt a unit: printed at 100 % it is as big as the board at 100 %.
 */
import { compareZOrder, type Shape } from '../../shared/model';
import type { Box } from '../shapes';
import { exportFrame } from './frame';

export const PDF_MIME_TYPE = 'application/pdf';
export const PDF_POINTS_PER_UNIT = 0.75;
/** The largest page PDF readers agree on (Acrobat's limit: 200 in); bigger content is scaled down to fit. */
export const MAX_PDF_PAGE_SIDE_PT = 14_400;
/** The smallest page side the PDF specification allows. */
export const MIN_PDF_PAGE_SIDE_PT = 3;
/** One file holds at most this many pages. */
export const MAX_PDF_PAGES = 500;

export interface PdfPage {
  /** What the page draws, bottom to top. */
  shapes: readonly Shape[];
  /** The board box the page shows; anything outside it is cut off. */
  view: Box;
  /** The page's size in PDF points. */
  width: number;
  height: number;
}

export interface PdfPageSize {
  width: number;
  height: number;
  /** Points per board unit: PDF_POINTS_PER_UNIT unless the page had to shrink. */
  scale: number;
}

/** The page size for a view of `width` × `height` board units, scaled down (keeping the aspect) to fit the limits. */
export function pdfPageSize(width: number, height: number): PdfPageSize {
  const scale = Math.min(PDF_POINTS_PER_UNIT, MAX_PDF_PAGE_SIDE_PT / width, MAX_PDF_PAGE_SIDE_PT / height);
  const side = (units: number) => Math.min(MAX_PDF_PAGE_SIDE_PT, Math.max(MIN_PDF_PAGE_SIDE_PT, units * scale));
  return { width: side(width), height: side(height), scale };
}

function page(shapes: readonly Shape[], view: Box): PdfPage {
  const { width, height } = pdfPageSize(view.maxX - view.minX, view.maxY - view.minY);
  return { shapes: [...shapes].sort(compareZOrder), view, width, height };
}

/** One page of these shapes (the board, or the selection); throws NothingToExportError for none. */
export function shapesPage(shapes: readonly Shape[]): PdfPage[] {
  return [page(shapes, exportFrame(shapes).view)];
}
