/**
 * Which pages a PDF export has, what each shows and how big it is, decided
 * before any PDF code loads (pdf.ts draws them). Pure, so the plan is tested
 * without a browser.
 *
 * - The board or the selection: one page framed like the PNG and SVG exports
 *   (exportFrame: the shapes' bounds plus the export padding).
 * - Frames: one page per frame, in board order (the frames' z-order, which
 *   is the order they were made unless someone reordered them), each the
 *   frame's box (its outline included) and drawing the frame and its members (the shapes whose
 *   `frameId` names it), cut at its edges as the board clips them. The
 *   frame's name, drawn above the frame on the board, is outside the page.
 *
 * A board unit is a CSS pixel (1/96 in) and a PDF point 1/72 in, so a page
 * is 0.75 pt a unit: printed at 100 % it is as big as the board at 100 %.
 */
import { compareZOrder, type Shape, type ShapeOfType } from '../../shared/model';
import { type Box, shapeBounds } from '../shapes';
import type { Theme } from '../theme/theme-store';
import { exportFrame, NothingToExportError } from './frame';

export const PDF_MIME_TYPE = 'application/pdf';
export const PDF_POINTS_PER_UNIT = 0.75;
/** The largest page PDF readers agree on (Acrobat's limit: 200 in); bigger content is scaled down to fit. */
export const MAX_PDF_PAGE_SIDE_PT = 14_400;
/** The smallest page side the PDF specification allows. */
export const MIN_PDF_PAGE_SIDE_PT = 3;
/** One file holds at most this many pages. */
export const MAX_PDF_PAGES = 500;

/** What a PDF carries besides its pages. */
export interface PdfOptions {
  /** The document title readers show (the board's name). */
  title: string;
  /** Image shapes' pictures as data URLs by sha256, as the SVG export takes them (svg.ts `imageUrls`). */
  imageUrls?: ReadonlyMap<string, string>;
  /** Light (the board's own colours on white) unless dark is asked for, as the PNG export. */
  theme?: Theme;
}

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

/**
 * One page per frame of `frames` (other shapes in it are ignored), members
 * taken from `board`. Throws NothingToExportError without a frame, and an
 * Error past MAX_PDF_PAGES.
 */
export function framePages(frames: readonly Shape[], board: readonly Shape[]): PdfPage[] {
  const ordered = frames.filter(isFrame).sort(compareZOrder);
  if (ordered.length === 0) throw new NothingToExportError('there is nothing to export: the board has no frames');
  if (ordered.length > MAX_PDF_PAGES) {
    throw new Error(`a PDF holds at most ${MAX_PDF_PAGES} pages, one per frame; there are ${ordered.length} frames`);
  }
  const members = new Map<string, Shape[]>();
  for (const shape of board) {
    if (shape.type === 'frame' || shape.frameId === undefined) continue;
    members.set(shape.frameId, [...(members.get(shape.frameId) ?? []), shape]);
  }
  // A turned frame's page is the box around it; its clip path still cuts members at its edges.
  return ordered.map((frame) => page([frame, ...(members.get(frame.id) ?? [])], shapeBounds(frame)));
}

function isFrame(shape: Shape): shape is ShapeOfType<'frame'> {
  return shape.type === 'frame';
}
