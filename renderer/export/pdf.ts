/**
 * PDF export: each planned page (pdf-plan.ts) is the SVG export of its
 * shapes (svg.ts) drawn into the PDF by svg2pdf.js over jsPDF, so the PDF is
 * vector (paths, real text, embedded images) and shows whatever the SVG
 * export shows. Text is readied for the PDF by pdf-text.ts.
 *
 * jsPDF and svg2pdf.js are large, so this module is loaded only when a PDF is
 * made (pdf-loader.ts); the board's own script never holds them. It needs a
 * DOM (DOMParser, and svg2pdf.js measures text in the document).
 *
 * Fonts: Helvetica when all the text is in its character set (Latin-1 and
 * the Windows-1252 punctuation), else DejaVu Sans embedded (only the glyphs
 * used): Latin, Greek, Cyrillic, many symbols. A character DejaVu Sans lacks
 * too (Chinese, Japanese, emoji) is left out: not drawn, not in the PDF's
 * text layer; the rest of its line stays.
 */
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import { canvasColours } from '../theme/canvas-colours';
import type { Theme } from '../theme/theme-store';
import { DEFAULT_EXPORT_BACKGROUND, NothingToExportError } from './frame';
import { DARK_EXPORT_BACKGROUND } from './png';
import { mapSvgColours } from './svg-colours';
import { MAX_PDF_PAGES, type PdfOptions, type PdfPage } from './pdf-plan';
import { needsUnicodeFont, type PdfFont, prepareSvgText, svgText } from './pdf-text';
import { shapesToSvg } from './svg';

export const UNICODE_FONT_NAME = 'DejaVuSans';
const STANDARD_FONT_NAME = 'helvetica';
const FONT_STYLES = ['normal', 'bold', 'italic', 'bolditalic'] as const;

export interface PdfRenderOptions extends Partial<PdfOptions> {
  /** The bytes of DejaVuSans.ttf, asked for only when some text needs it. */
  loadUnicodeFont(): Promise<ArrayBuffer | Uint8Array>;
}

/** svg2pdf.js fetches an `<image>`'s href; only the pictures the SVG export embeds are taken, never a URL. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/;

/** The PDF's bytes. Throws NothingToExportError for no pages. */
export async function renderPdf(pages: readonly PdfPage[], options: PdfRenderOptions): Promise<ArrayBuffer> {
  const [first] = pages;
  if (!first) throw new NothingToExportError();
  if (pages.length > MAX_PDF_PAGES) {
    throw new Error(`a PDF holds at most ${MAX_PDF_PAGES} pages; this one would have ${pages.length}`);
  }
  const drawings = pages.map((page) => ({
    page,
    svg: themed(
      parseSvg(
        shapesToSvg(page.shapes, {
          view: page.view,
          imageUrls: options.imageUrls,
          background: options.theme === 'dark' ? DARK_EXPORT_BACKGROUND : DEFAULT_EXPORT_BACKGROUND,
        }).svg,
      ),
      options.theme ?? 'light',
    ),
  }));
  // Only the fonts some text uses go into the file (the Unicode font is added under four styles).
  const doc = new jsPDF({
    unit: 'pt',
    format: [first.width, first.height],
    orientation: orientationOf(first),
    putOnlyUsedFonts: true,
  });
  const font = drawings.some(({ svg }) => needsUnicodeFont(svgText(svg)))
    ? addUnicodeFont(doc, await options.loadUnicodeFont())
    : STANDARD_FONT_NAME;
  doc.setFont(font, 'normal');
  const pdfFont: PdfFont = { name: font, unitWidth: (text) => doc.getStringUnitWidth(text) };
  for (const [i, { page, svg }] of drawings.entries()) {
    if (i > 0) doc.addPage([page.width, page.height], orientationOf(page));
    prepareSvgText(svg, pdfFont);
    await svg2pdf(svg, doc, { x: 0, y: 0, width: page.width, height: page.height, loadImages: EMBEDDED_IMAGE });
  }
  doc.setProperties({ title: options.title ?? '', creator: 'Easel' });
  return doc.output('arraybuffer');
}

function themed(svg: Element, theme: Theme): Element {
  if (theme === 'dark') mapSvgColours(svg, canvasColours('dark'));
  return svg;
}

/** jsPDF swaps a page's sides when they disagree with its orientation, so each page says its own. */
function orientationOf(page: PdfPage): 'portrait' | 'landscape' {
  return page.width > page.height ? 'landscape' : 'portrait';
}

function parseSvg(source: string): Element {
  const parsed = new DOMParser().parseFromString(source, 'image/svg+xml');
  const error = parsed.querySelector('parsererror');
  if (error) throw new Error(`the SVG export could not be read back: ${error.textContent ?? ''}`);
  return parsed.documentElement;
}

/**
 * Embeds the Unicode font under every style, so a bold or italic text still
 * finds it (drawn upright and regular) rather than falling back to Times.
 */
function addUnicodeFont(doc: jsPDF, bytes: ArrayBuffer | Uint8Array): string {
  const file = `${UNICODE_FONT_NAME}.ttf`;
  doc.addFileToVFS(file, base64Of(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
  for (const style of FONT_STYLES) doc.addFont(file, UNICODE_FONT_NAME, style);
  return UNICODE_FONT_NAME;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
